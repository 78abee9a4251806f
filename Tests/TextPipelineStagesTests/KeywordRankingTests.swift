import Foundation
import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// Rankings of small hand-checked texts, edge cases and scores.
@Suite struct KeywordRankingTests {
    static let vaccineText = """
        The vaccine trial began in March. Doctors said the vaccine was safe. \
        Volunteers received the vaccine twice. Officials expect the vaccine to be approved soon. \
        A hospital in Leeds ran the study. The vaccine may reach pharmacies next year.
        """

    /// A document-frequency table where function-like words are common and "vaccine" is rare.
    static func frequencyTable() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kw-test-\(UUID().uuidString).tpdf").path
        var counts: [UInt64: UInt32] = [:]
        for word in [
            "trial", "began", "march", "doctors", "safe", "volunteers", "received", "twice", "officials", "expect",
            "approved", "soon", "hospital", "leeds", "ran", "study", "reach", "pharmacies", "year",
        ] {
            counts[TermFolding.hash(of: word)] = 500
        }
        counts[TermFolding.hash(of: "vaccine")] = 3
        try DocumentFrequencyTable.write(documents: 1000, counts: counts, to: path)
        return path
    }

    /// A company named in every sentence, among words that occur once.
    static let modernaText = "Moderna reported strong results. Analysts praised Moderna. Investors bought shares of Moderna. Moderna plans new factories."

    @Test("the obvious keyword ranks first", arguments: ["keywords.yake@1", "keywords.textrank@1"])
    func obviousKeyword(stage: String) throws {
        let texts = try KeywordFixtures.texts(Self.modernaText, stage: stage, options: "{ max_words: 1 }")
        #expect(texts.first == "moderna", "got \(texts)")
    }

    @Test func obviousKeywordByTfidf() throws {
        let texts = try KeywordFixtures.texts(Self.vaccineText, stage: "keywords.tfidf@1", options: "{ df: \(try Self.frequencyTable()), max_words: 1 }")
        #expect(texts.first == "vaccine", "got \(texts)")
    }

    /// Runs "moderna reported strong results" (4 words) and "analysts praised moderna" (3):
    /// moderna has degree 4 + 3 over frequency 2; the others degree / frequency 4 or 3.
    @Test func rakeScoresByHand() throws {
        let keywords = try KeywordFixtures.keywords(
            "Moderna reported strong results. Analysts praised Moderna.",
            stage: "keywords.rake@1", options: "{ max_words: 4 }")
        #expect(keywords.map(\.text) == ["Moderna reported strong results", "Analysts praised Moderna"])
        let expected: [Double] = [15.5, 9.5]
        #expect(keywords.map(\.score) == expected)
    }

    @Test("scores are positive and ranked best first", arguments: ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"])
    func scoresDescend(stage: String) throws {
        let keywords = try KeywordFixtures.keywords(Self.vaccineText, stage: stage)
        #expect(keywords.count == 10)
        #expect(keywords.allSatisfy { $0.score > 0 && $0.score.isFinite })
        #expect(zip(keywords, keywords.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func yakeScoresLieInZeroToOne() throws {
        let keywords = try KeywordFixtures.keywords(Self.vaccineText)
        #expect(keywords.allSatisfy { $0.score > 0 && $0.score <= 1 })
    }

    @Test(
        "empty, blank, one-word and stop-word articles",
        arguments: [("", [String]()), ("   \n\n ", []), ("Hello", ["hello"]), ("the", []), ("2024", []), ("!!!", []), ("Hello.", ["hello"])])
    func tinyArticles(text: String, expected: [String]) throws {
        for stage in ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"] {
            #expect(try KeywordFixtures.texts(text, stage: stage) == expected, "\(stage)")
        }
    }

    @Test func nearDuplicatesAreRemoved() throws {
        let text = "Interest rates rose. The interest rate decision surprised markets. Interest rates matter."
        let kept = try KeywordFixtures.texts(text, options: "{ top: 1000 }")
        let all = try KeywordFixtures.texts(text, options: "{ top: 1000, dedup: 1 }")
        #expect(all.contains("interest rate") && all.contains("interest rates"))
        #expect(kept.contains("interest rate") != kept.contains("interest rates"))
        #expect(kept.count < all.count)
    }

    /// Long keys go through the banded edit distance: one edit in 22 bytes is a near-duplicate,
    /// four are not.
    @Test func nearDuplicatesOfLongPhrases() throws {
        let text = "European Central Banks met. The European Central Bank decided. Eurozone central bankers agreed."
        let kept = try KeywordFixtures.texts(text, options: "{ top: 1000 }")
        let all = try KeywordFixtures.texts(text, options: "{ top: 1000, dedup: 1 }")
        #expect(all.contains("european central bank") && all.contains("european central banks"))
        #expect(kept.contains("european central bank") != kept.contains("european central banks"))
        #expect(kept.contains("eurozone central bankers"))
    }

    @Test func topLimitsTheList() throws {
        #expect(try KeywordFixtures.texts(Self.vaccineText, options: "{ top: 3 }").count == 3)
        #expect(try KeywordFixtures.texts(Self.vaccineText, options: "{ top: 0 }").isEmpty)
    }

    @Test func titleBoostPromotesTitleWords() throws {
        let text = "Leeds hospital staff praised the new vaccine. The vaccine trial ended. The vaccine worked."
        let plain = try KeywordFixtures.texts(text, options: "{ max_words: 1 }", title: "Leeds trial")
        let boosted = try KeywordFixtures.texts(text, options: "{ max_words: 1, title_boost: 10 }", title: "Leeds trial")
        let index = { (list: [String], word: String) in list.firstIndex(of: word) ?? list.count }
        #expect(index(boosted, "trial") < index(plain, "trial"))
        #expect(boosted.first == "leeds" || boosted.first == "trial")
    }

    @Test func phraseWeightFavoursSingleWords() throws {
        let plain = try KeywordFixtures.texts(Self.vaccineText)
        let single = try KeywordFixtures.texts(Self.vaccineText, options: "{ phrase_weight: 0.01 }")
        #expect(plain.contains { $0.contains(" ") })
        #expect(single.prefix(5).allSatisfy { !$0.contains(" ") })
    }

    @Test func outputKeepsTheTextsSpelling() throws {
        let texts = try KeywordFixtures.keywords("The Tree of Life premiered. Critics loved The Tree of Life.").map(\.text)
        #expect(texts.contains("Tree of Life"))
    }
}
