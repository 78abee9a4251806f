import TextPipeline

/// Counts, over a stream of analysed documents, how many documents contain
/// each term, in bounded memory. Used by `textpipe df build`.
///
/// Terms are the keyword stages' terms (``TermAnalysis``), keyed by the hash
/// of their folded form. When more than `maxTerms` distinct terms are held,
/// the rarest are dropped (every term at or below a rising floor), as in lossy
/// counting: a dropped term that comes back restarts from 0, so frequencies
/// below the final ``floor`` are lower bounds.
public struct DocumentFrequencyCounter {
    public private(set) var documents = 0
    public private(set) var counts: [UInt64: UInt32] = [:]
    /// Terms counted at or below this were dropped at least once.
    public private(set) var floor: UInt32 = 0
    public let maxTerms: Int
    private var analysis = TermAnalysis()
    private let stopWords = StopWordList()

    /// - Parameter maxTerms: the most distinct terms held at once (at least 1,000).
    public init(maxTerms: Int = 4_000_000) {
        self.maxTerms = max(1000, maxTerms)
    }

    /// Counts the distinct terms of one document that has tokens (and sentences, when present).
    public mutating func add(_ document: Document) {
        var document = document
        if document.sentences.isEmpty, !document.tokens.isEmpty {
            document.sentences.append(tokens: 0 ..< document.tokens.count)
        }
        analysis.analyse(document, stopWords: stopWords, minLength: 1)
        documents += 1
        for term in 0 ..< analysis.termTotal where !analysis.terms[term].isNumeric {
            counts[analysis.table.hashes[term], default: 0] += 1
        }
        if counts.count > maxTerms { prune() }
    }

    /// Drops the rarest terms until at most half of `maxTerms` remain.
    private mutating func prune() {
        while counts.count > maxTerms / 2 {
            floor += 1
            counts = counts.filter { $0.value > floor }
        }
    }
}
