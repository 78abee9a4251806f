import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// ``CandidateBound`` lets YAKE skip n-grams that cannot be among the preselected best:
/// the keywords must be those of the complete candidate table.
@Suite struct KeywordBoundTests {
    static let content = [
        "market", "shares", "investors", "profit", "quarter", "growth", "bank", "rates", "inflation", "prices",
        "company", "results", "analysts", "forecast", "demand", "exports", "factory", "workers", "union", "strike",
        "Reuters", "London", "Tokyo", "Smith", "Europe", "oil", "gold", "bonds", "dollar", "yen",
    ]
    static let stop = ["the", "of", "and", "in", "to", "a", "for", "on"]
    static let phrases = ["interest rates", "central bank", "Bank of England", "oil prices", "trade union leaders"]

    /// Sentences of random words and recurring phrases, the same for the same seed.
    static func text(seed: UInt64, sentences: Int = 40) -> String {
        var random = SplitMix(state: seed)
        var text = ""
        for _ in 0 ..< sentences {
            var words: [String] = []
            for _ in 0 ..< Int.random(in: 5 ... 12, using: &random) {
                switch Int.random(in: 0 ..< 10, using: &random) {
                case 0 ..< 5: words.append(content.randomElement(using: &random)!)
                case 5 ..< 8: words.append(stop.randomElement(using: &random)!)
                default: words.append(phrases.randomElement(using: &random)!)
                }
            }
            text += words.joined(separator: " ").capitalisingFirst + ". "
        }
        return text
    }

    static func document(seed: UInt64) throws -> Document {
        try DocumentFixtures.analyse(text(seed: seed), with: DocumentFixtures.sentencePipeline(), title: "Oil prices and the central bank")
    }

    static func settings(_ options: String) throws -> KeywordSettings {
        try KeywordOptions.read(StageOptions(yaml: options, specs: YakeStage.configuration.options))
    }

    /// The keywords from every candidate, no bound: collect, score, boost, rank.
    static func completeKeywords(_ document: Document, settings: KeywordSettings) -> [Keyword]? {
        var analysis = TermAnalysis()
        analysis.analyse(document, stopWords: settings.stopWords, minLength: settings.minLength)
        if settings.titleBoost != 1 { analysis.markTitle(document.title) }
        var collector = CandidateCollector()
        collector.collect(analysis, document: document, shape: .ngrams, maxWords: settings.maxWords, entities: settings.entities)
        var scorer = YakeScorer()
        scorer.prepare(analysis, stopPairs: collector.mayHoldAdjacentStopWords)
        let goodness = Column<Double>()
        goodness.append(repeating: 0, count: collector.table.count)
        scorer.score(analysis, candidates: collector.table, into: goodness)
        var ranker = KeywordRanker()
        ranker.applyBoosts(goodness, analysis: analysis, candidates: collector.table, settings: settings)
        return ranker.rank(goodness, analysis: analysis, candidates: collector.table, document: document, settings: settings, scorer: scorer)
    }

    @Test(
        "bounded collection ranks as the complete one",
        arguments: ["{ phrase_weight: 1 }", "{ phrase_weight: 0.1, title_boost: 1.5 }", "{ top: 3, max_words: 2 }"])
    func boundedCollectionRanksAsTheCompleteOne(options: String) throws {
        let settings = try Self.settings(options)
        var skipped = 0
        for seed in UInt64(1) ... 12 {
            let document = try Self.document(seed: seed)
            var worker = KeywordWorker(
                algorithm: YakeStage.Algorithm(options: try StageOptions(yaml: "{}", specs: YakeStage.configuration.options)), settings: settings)
            let bounded = try worker.keywords(of: document)
            skipped += worker.collector.skipped
            let complete = try #require(Self.completeKeywords(document, settings: settings))
            #expect(bounded == complete, "seed \(seed)")
        }
        #expect(skipped > 0, "the bound skipped nothing")
    }

    /// Per term, ``CandidateCollector/countUnigrams(_:into:)`` must be the frequency of its
    /// one-word candidate, with entities kept whole (their words blocked) and name parts dropped.
    @Test func unigramCountsAreTheTableFrequencies() throws {
        var document = try Self.document(seed: 7)
        // Every "Bank of England" and every "oil" are entities.
        let tokens = (0 ..< document.tokens.count).map(document.text(ofToken:))
        for token in tokens.indices {
            if tokens[token ..< min(token + 3, tokens.count)] == ["Bank", "of", "England"] {
                document.entities.append(tokens: token ..< token + 3, label: .organization, canonicalID: nil)
            } else if tokens[token] == "oil" {
                document.entities.append(tokens: token ..< token + 1, label: .miscellaneous, canonicalID: nil)
            }
        }
        #expect(document.entities.count > 0)
        let settings = try Self.settings("{ entities_whole: true, name_parts: false }")
        var analysis = TermAnalysis()
        analysis.analyse(document, stopWords: settings.stopWords, minLength: settings.minLength)
        var collector = CandidateCollector()
        collector.collect(analysis, document: document, shape: .ngrams, maxWords: 3, entities: settings.entities)
        let counts = Column<Int32>()
        #expect(collector.countUnigrams(analysis, into: counts))
        var expected = [Int32](repeating: 0, count: analysis.termTotal)
        let table = collector.table
        for index in 0 ..< table.count where table.length[index] == 1 {
            let term = Int(analysis.wordTerm[Int(table.firstWord[index])])
            expected[term] = table.frequency[index]
        }
        for term in 0 ..< analysis.termTotal where !analysis.terms[term].isStop {
            #expect(counts[term] == expected[term], "term \(term)")
        }
    }

    /// ``YakeScorer/fillBound(_:unigrams:into:)`` skips a term when ``CandidateBound/mayTake(atMost:inTitle:)``
    /// says its estimate `tf × (1 + 1/H)` cannot move the threshold: offering the exact goodness must
    /// then leave the threshold as it was.
    @Test func skippedTermsWouldNotMoveTheThreshold() throws {
        let settings = try Self.settings("{ top: 2 }")
        let analysis = TermAnalysis()
        var random = SplitMix(state: 7)
        var skipped = 0
        for _ in 0 ..< 4000 {
            var bound = CandidateBound()
            bound.begin(limit: 3, analysis: analysis, settings: settings)
            for _ in 0 ..< 3 { bound.offer(Double(Int.random(in: 2 ... 60, using: &random)) * 1.000_001, inTitle: false) }
            let weight = pow(10, Double.random(in: -3 ... 3, using: &random))
            let tf = Double(Int.random(in: 1 ... 40, using: &random))
            let exact = 1 / max(weight / ((weight + 1) * tf), 1e-12)
            guard !bound.mayTake(atMost: tf * (1 + 1 / weight), inTitle: false) else { continue }
            skipped += 1
            bound.finish()
            let before = bound.threshold
            bound.offer(exact, inTitle: false)
            bound.finish()
            #expect(bound.threshold == before, "H \(weight), tf \(tf)")
        }
        #expect(skipped > 100)
    }

    /// A bounded table lacks candidates: running out of the preselection must not end the ranking.
    @Test func rankAsksForTheCompleteTableWhenThePreselectionRunsOut() throws {
        let document = try DocumentFixtures.analyse("Gold prices rose. Gold prices fell.", with: DocumentFixtures.sentencePipeline())
        let settings = try Self.settings("{ top: 10 }")
        var analysis = TermAnalysis()
        analysis.analyse(document, stopWords: settings.stopWords, minLength: settings.minLength)
        var collector = CandidateCollector()
        collector.collect(analysis, document: document, shape: .ngrams, maxWords: 3, entities: settings.entities)
        var scorer = YakeScorer()
        scorer.prepare(analysis, stopPairs: false)
        let goodness = Column<Double>()
        goodness.append(repeating: 0, count: collector.table.count)
        scorer.score(analysis, candidates: collector.table, into: goodness)
        var ranker = KeywordRanker()
        let incomplete = ranker.rank(
            goodness, analysis: analysis, candidates: collector.table, document: document, settings: settings, scorer: scorer, complete: false)
        #expect(incomplete == nil)
        let complete = ranker.rank(goodness, analysis: analysis, candidates: collector.table, document: document, settings: settings, scorer: scorer)
        #expect(complete?.count == collector.table.count)
    }
}

extension String {
    fileprivate var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
