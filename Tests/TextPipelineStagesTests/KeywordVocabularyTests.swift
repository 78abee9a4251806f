import TestSupport
import Testing
import TextPipeline
@testable import TextPipelineStages

/// The vocabulary a keyword worker keeps between documents (``TermTable``) changes
/// nothing a document sees: terms, ids, keys, hashes and classes are what a fresh
/// analysis gives.
@Suite struct KeywordVocabularyTests {
    static let texts = [
        "The Fed raised rates. The fed said rates would rise again in 2027, and markets fell.",
        "Markets rallied on Monday. Rates fell; the Fed's chair spoke of rates and of markets.",
        "Apple and Google: a new phone. APPLE said the phone costs $999.",
        "The Fed raised rates.",
    ]

    static func documents() throws -> [Document] {
        let pipeline = try DocumentFixtures.sentencePipeline()
        return try texts.map { try DocumentFixtures.analyse($0, with: pipeline) }
    }

    static var stopWords: StopWordList { StopWordList(parsing: "the\nand\nof\non\na\nin\nwould\nsaid\n") }

    /// Everything a scorer reads about the terms of the last analysed document.
    static func summary(_ analysis: TermAnalysis) -> [String] {
        var lines = (0 ..< analysis.wordCount).map { "word \(analysis.wordTerm[$0]) flags \(analysis.wordFlags[$0])" }
        for term in 0 ..< analysis.termTotal {
            let stats = analysis.terms[term]
            let key = String(decoding: analysis.table.key(Int32(term)), as: UTF8.self)
            lines.append("term \(term) \(key) \(analysis.table.hash(Int32(term))) count \(stats.count) stop \(stats.isStop) "
                + "numeric \(stats.isNumeric) sentences \(stats.sentences) caps \(stats.capitalised) acronyms \(stats.acronyms)")
        }
        return lines
    }

    @Test func aWorkerGivesEachDocumentWhatAFreshAnalysisGives() throws {
        var kept = TermAnalysis()
        for document in try Self.documents() + Self.documents().reversed() {
            var fresh = TermAnalysis()
            fresh.analyse(document, stopWords: Self.stopWords, minLength: 3)
            kept.analyse(document, stopWords: Self.stopWords, minLength: 3)
            #expect(Self.summary(kept) == Self.summary(fresh))
        }
    }

    @Test func titleWordsAreFoundOnlyInTheCurrentDocument() throws {
        let documents = try Self.documents()
        var analysis = TermAnalysis()
        analysis.analyse(documents[2], stopWords: Self.stopWords, minLength: 3)
        analysis.analyse(documents[3], stopWords: Self.stopWords, minLength: 3)
        // "apple" is in the vocabulary from the document before, not in this one.
        analysis.markTitle("Apple phone rates")
        #expect(analysis.titleTerms == 1)
    }

    @Test func otherStopWordsOrLengthsReclassifyEveryForm() throws {
        let document = try Self.documents()[2]
        var analysis = TermAnalysis()
        analysis.analyse(document, stopWords: Self.stopWords, minLength: 3)
        let apple = try #require((0 ..< analysis.termTotal).first { String(decoding: analysis.table.key(Int32($0)), as: UTF8.self) == "apple" })
        #expect(!analysis.terms[apple].isStop)
        var more = Self.stopWords
        more.insert("apple")
        analysis.analyse(document, stopWords: more, minLength: 3)
        #expect(analysis.terms[apple].isStop)
        analysis.analyse(document, stopWords: Self.stopWords, minLength: 6)
        #expect(analysis.terms[apple].isStop)
        analysis.analyse(document, stopWords: Self.stopWords, minLength: 3)
        #expect(!analysis.terms[apple].isStop)
    }

    @Test func aVocabularyPastItsLimitIsDroppedBeforeTheNextDocument() throws {
        let documents = try Self.documents()
        var analysis = TermAnalysis()
        analysis.table = TermTable(vocabularyLimit: 8)
        analysis.analyse(documents[0], stopWords: Self.stopWords, minLength: 3)
        #expect(analysis.table.vocabularyCount > 8)
        analysis.analyse(documents[3], stopWords: Self.stopWords, minLength: 3)
        #expect(analysis.table.vocabularyCount == analysis.termTotal)
        var fresh = TermAnalysis()
        fresh.analyse(documents[3], stopWords: Self.stopWords, minLength: 3)
        #expect(Self.summary(analysis) == Self.summary(fresh))
    }
}
