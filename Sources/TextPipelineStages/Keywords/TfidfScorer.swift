import Foundation

/// TF-IDF of candidate phrases against a ``DocumentFrequencyTable``.
///
/// `idf(w) = ln((N + 1) / (df(w) + 1)) + 1`, so a word the corpus never saw
/// weighs most. A candidate's goodness is its frequency in the article times
/// the mean idf of its content words:
/// `tf(c) · Σ idf(w) / |content words|`. The output score is the goodness.
struct TfidfScorer: KeywordScorer {
    let table: DocumentFrequencyTable
    private let idf = Column<Double>()

    init(table: DocumentFrequencyTable) { self.table = table }

    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>) {
        let documents = Double(table.documents)
        idf.removeAll()
        for term in 0 ..< analysis.termTotal {
            let frequency = Double(table.frequency(hash: analysis.table.hashes[term]))
            idf.append(log((documents + 1) / (frequency + 1)) + 1)
        }
        for index in 0 ..< candidates.count {
            var sum = 0.0
            var content = 0
            for word in candidates.words(index) {
                let term = Int(analysis.wordTerm[word])
                guard !analysis.terms[term].isStop else { continue }
                sum += idf[term]
                content += 1
            }
            goodness[index] = Double(candidates.frequency[index]) * sum / Double(max(1, content)) + 1e-9
        }
    }
}
