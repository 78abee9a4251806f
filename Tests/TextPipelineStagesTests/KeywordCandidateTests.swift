import TestSupport
import Testing
import TextPipeline

/// Candidate generation, read through `keywords.yake@1` with every candidate kept
/// (`top: 1000`, no near-duplicate removal).
@Suite struct KeywordCandidateTests {
    let all = "{ top: 1000, dedup: 1 }"

    func candidates(_ text: String, _ options: String? = nil) throws -> Set<String> {
        Set(try KeywordFixtures.texts(text, options: options ?? all))
    }

    @Test func everyNgramUpToThreeWords() throws {
        #expect(
            try candidates("Central banks raise interest rates.") == [
                "central", "banks", "raise", "interest", "rates",
                "central banks", "banks raise", "raise interest", "interest rates",
                "central banks raise", "banks raise interest", "raise interest rates",
            ])
    }

    @Test func maxWordsLimitsLength() throws {
        #expect(
            try candidates("Central banks raise interest rates.", "{ top: 1000, dedup: 1, max_words: 1 }")
                == ["central", "banks", "raise", "interest", "rates"])
    }

    @Test func stopWordsNeverStartOrEndButMayJoin() throws {
        let found = try candidates("He visited the Bank of England today.")
        #expect(found.contains("bank of england"))
        #expect(found.isDisjoint(with: ["the bank", "bank of", "of england", "he visited", "visited the", "the", "of"]))
    }

    @Test func shortWordsCountAsStopWords() throws {
        #expect(try candidates("EU ministers met.") == ["ministers", "ministers met", "met"])
        #expect(try candidates("EU ministers met.", "{ top: 1000, dedup: 1, min_length: 2 }").contains("eu ministers"))
    }

    @Test func punctuationAndSentencesSplitCandidates() throws {
        let found = try candidates("Oil prices rose, gold prices fell. Traders sold shares.")
        #expect(found.contains("oil prices rose"))
        #expect(!found.contains { $0.contains("rose gold") || $0.contains("fell traders") })
    }

    @Test func numbersNeverJoinCandidates() throws {
        let found = try candidates("Sales rose 5 percent in 2024 at Acme.")
        #expect(found == ["sales", "rose", "sales rose", "percent", "acme"])
    }

    @Test func hyphenatedWordsStayWholeAndPossessivesAreDropped() throws {
        let found = try candidates("Malick's long-awaited film opened.")
        #expect(found.contains("long-awaited film"))
        #expect(found.contains("malick"))
        #expect(!found.contains("awaited"))
    }

    @Test func headlineLineDoesNotRunIntoTheText() throws {
        let found = try candidates("Markets tumble\nInvestors sold shares.")
        #expect(!found.contains("tumble investors"))
        #expect(found.contains("investors sold shares"))
    }

    @Test func runsForRake() throws {
        let found = Set(
            try KeywordFixtures.texts(
                "He visited the Bank of England and central bank officials.",
                stage: "keywords.rake@1", options: all))
        #expect(found == ["visited", "bank", "england", "central bank officials"])
    }
}
