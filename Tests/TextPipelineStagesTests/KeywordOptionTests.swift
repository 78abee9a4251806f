import Foundation
import TestSupport
import Testing
import TextPipeline

/// Keyword options: load-time errors, and the options that read entities.
@Suite struct KeywordOptionTests {
    func message(_ stage: String, _ options: String, before: String = "") -> String? {
        do {
            _ = try KeywordFixtures.pipeline(stage, options, before: before)
            return nil
        } catch let error as ConfigurationError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(
        "errors name the file, line and key",
        arguments: [
            ("keywords.yake@1", "{ top: -1 }", "test.yaml:7: stages[2].with.top: expected an integer from 0 to 1000, found -1"),
            ("keywords.yake@1", "{ max_words: 9 }", "stages[2].with.max_words: expected an integer from 1 to 8, found 9"),
            ("keywords.yake@1", "{ dedup: 1.5 }", "stages[2].with.dedup: expected a number from 0 to 1, found 1.5"),
            ("keywords.yake@1", "{ dedup: high }", "stages[2].with.dedup: expected a number, found the string 'high'"),
            ("keywords.yake@1", "{ title_boost: 0 }", "stages[2].with.title_boost: expected a number above 0, found 0"),
            ("keywords.yake@1", "{ phrase_weight: -1 }", "stages[2].with.phrase_weight: expected a number above 0"),
            ("keywords.yake@1", "{ n: 3 }", "stages[2].with.n: unknown option; expected one of: add_stop_words, dedup,"),
            ("keywords.yake@1", "{ stop_words: /nonexistent/stop.txt }", "stages[2].with.stop_words: cannot read stop-word file /nonexistent/stop.txt"),
            ("keywords.yake@1", "{ exclude_labels: [''] }", "stages[2].with.exclude_labels: expected entity labels such as PER or LOC, found ''"),
            ("keywords.yake@1", "{ entities_whole: true }", "stages[2]: keywords.yake@1 requires entities, which no earlier stage provides"),
            ("keywords.rake@1", "{ entity_boost: 2 }", "stages[2]: keywords.rake@1 requires entities, which no earlier stage provides"),
            ("keywords.textrank@1", "{ exclude_labels: [PER] }", "stages[2]: keywords.textrank@1 requires entities"),
            ("keywords.textrank@1", "{ window: 1 }", "stages[2].with.window: expected an integer from 2 to 10, found 1"),
            ("keywords.tfidf@1", "{}", "stages[2].with: missing option 'df'"),
            ("keywords.tfidf@1", "{ df: /nonexistent/table.tpdf }", "stages[2].with.df: cannot open /nonexistent/table.tpdf"),
        ])
    func error(stage: String, options: String, expected: String) throws {
        let text = try #require(message(stage, options))
        #expect(text.contains(expected), "got: \(text)")
    }

    @Test func defaultsDoNotRequireEntities() throws {
        for stage in ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"] {
            let pipeline = try KeywordFixtures.pipeline(stage)
            #expect(pipeline.stages[2].requires == [.tokens, .sentences])
            #expect(pipeline.stages[2].provides == [.keywords])
        }
    }

    @Test func stagesReportTheirResources() throws {
        let stage = try KeywordFixtures.pipeline("keywords.yake@1").stages[2]
        #expect(stage.resourceChecksums["stopwords-en.txt"]?.isEmpty == false)
    }

    @Test func stopWordOptions() throws {
        let text = "Officials announced sweeping reforms today."
        #expect(try KeywordFixtures.texts(text, options: "{ top: 100, dedup: 1 }").contains("sweeping reforms"))
        let added = try KeywordFixtures.texts(text, options: "{ top: 100, dedup: 1, add_stop_words: [sweeping] }")
        #expect(!added.contains { $0.hasPrefix("sweeping") })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kw-stop-\(UUID().uuidString).txt")
        try "# only one\nreforms\n".write(to: file, atomically: true, encoding: .utf8)
        let replaced = try KeywordFixtures.texts(text, options: "{ top: 100, dedup: 1, stop_words: \(file.path) }")
        #expect(replaced.contains("announced sweeping"))
        #expect(!replaced.contains { $0.hasSuffix("reforms") })
    }
}

/// Options that keep entities whole, boost them or drop some labels, over entities a test stage marks.
@Suite struct KeywordEntityTests {
    static var markup: SpanMarkup {
        SpanMarkup(
            "The [[International Monetary Fund Executive Board]]ORG met [[Kristalina Georgieva]]PER in [[Washington]]LOC. "
                + "The board discussed lending rules and [[Washington]]LOC politics.")
    }
    let before = "  - use: test.entities@1"

    func texts(_ options: String, stage: String = "keywords.yake@1") throws -> [String] {
        try KeywordFixtures.texts(
            Self.markup.text, stage: stage, options: options,
            registry: KeywordFixtures.registry(entities: Self.markup), before: before)
    }

    @Test func pipelineRequiresEntitiesOnlyWithTheOptions() throws {
        let registry = KeywordFixtures.registry(entities: Self.markup)
        let pipeline = try KeywordFixtures.pipeline("keywords.yake@1", "{ entities_whole: true }", registry: registry, before: before)
        #expect(pipeline.stages[3].requires.contains(.entities))
    }

    @Test(arguments: ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"])
    func wholeEntitiesAreCandidatesAndNothingOverlapsThem(stage: String) throws {
        let found = try texts("{ top: 100, dedup: 1, entities_whole: true }", stage: stage)
        #expect(found.contains("international monetary fund executive board"))
        #expect(found.contains("kristalina georgieva"))
        #expect(!found.contains { $0 != "international monetary fund executive board" && ($0.contains("monetary") || $0.contains("executive")) })
        let plain = try texts("{ top: 100, dedup: 1 }", stage: stage)
        #expect(!plain.contains("international monetary fund executive board"))
    }

    @Test func excludedLabelsAreDropped() throws {
        let found = try texts("{ top: 100, dedup: 1, exclude_labels: [PER, LOC] }")
        #expect(!found.contains { $0.contains("georgieva") || $0.contains("kristalina") || $0.contains("washington") })
        #expect(found.contains("board"))
    }

    @Test func entityBoostPromotesEntities() throws {
        let plain = try texts("{ top: 100, dedup: 1 }")
        let boosted = try texts("{ top: 100, dedup: 1, entity_boost: 1000 }")
        let entities: Set = ["kristalina georgieva", "washington"]
        #expect(!entities.contains(plain[0]) || !entities.contains(plain[1]))
        #expect(Set(boosted.prefix(2)) == entities)
    }
}

/// With `entities_whole` and `name_parts: false`, the words of a longer name are no keywords of
/// their own; a one-word mention that is itself an entity ("Kim" after "Kim Jong Un") is a name and may be one.
@Suite struct KeywordNamePartTests {
    static var markup: SpanMarkup {
        SpanMarkup(
            "[[Kim Jong Un]]PER inspected a missile factory. [[Kim]]PER praised the factory workers. "
                + "Jong and Un were not named again, and the missile tests went on.")
    }

    @Test(arguments: ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"])
    func partsOfALongerNameAreNoKeywords(stage: String) throws {
        let found = try texts("{ top: 100, dedup: 1, entities_whole: true, name_parts: false }", stage: stage)
        #expect(found.contains("kim jong un"))
        #expect(found.contains("kim"), "\(found)")
        #expect(!found.contains("jong"), "\(found)")
        #expect(found.contains { $0.contains("missile") })
    }

    @Test func namePartsAreCandidatesByDefault() throws {
        #expect(try texts("{ top: 100, dedup: 1, entities_whole: true }").contains("jong"))
    }

    func texts(_ options: String, stage: String = "keywords.yake@1") throws -> [String] {
        try KeywordFixtures.texts(
            Self.markup.text, stage: stage, options: options,
            registry: KeywordFixtures.registry(entities: Self.markup), before: "  - use: test.entities@1")
    }
}

/// Newswire abbreviations, table headings, months and weekdays are no keywords.
@Suite struct KeywordNewswireTests {
    @Test func abbreviationsAndDatesAreStopWords() throws {
        let text =
            "Shr 1.20 dlrs vs 1.05 dlrs. Net 12.3 mln dlrs vs 10.1 mln. Revs 450 mln vs 400 mln. "
            + "Avg shrs 10.2 mln. The pct rise in cts came on Monday in March, the carmaker said. Carmaker profits rose."
        let found = try KeywordFixtures.texts(text, options: "{ top: 100, dedup: 1 }")
        for word in ["shr", "dlrs", "net", "mln", "revs", "avg", "shrs", "pct", "cts", "monday", "march"] {
            #expect(!found.contains { $0.split(separator: " ").contains(Substring(word)) }, "\(word) in \(found)")
        }
        #expect(found.contains("carmaker"))
    }
}
