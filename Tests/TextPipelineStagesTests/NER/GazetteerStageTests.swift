import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// `ner.gazetteer@1` lookups: spans, ids, normalisation, overlaps, possessives.
@Suite struct GazetteerStageTests {
    static let gazetteer = """
        surface\tlabel\tid
        Kim Jong Un\tPERSON\t
        Pyongyang\tGPE\tgeonames:1871859|Pyongyang
        North Korea\tLOC\tiso3166:KP
        KCNA\tORG\ttp:org/kcna
        Putin\tPER\t
        Zürich\tLOC\t
        US\tLOC\tiso3166:US
        New York\tLOC\t
        New York Times\tORG\t
        York\tLOC\t
        """

    func lookup(_ options: String = "rules: none") throws -> Pipeline {
        try NERFixture.pipeline(Self.gazetteer, options: options)
    }

    @Test func findsNamesWithLabelsAndIds() throws {
        let found = try NERFixture.entities("Kim Jong Un visited Pyongyang, KCNA said of North Korea.", lookup())
        #expect(found.map(\.text) == ["Kim Jong Un", "Pyongyang", "KCNA", "North Korea"])
        #expect(found.map(\.label) == ["PER", "LOC", "ORG", "LOC"])
        #expect(found.map(\.id) == ["tp:person/kim-jong-un", "geonames:1871859", "tp:org/kcna", "iso3166:KP"])
        #expect(found.map(\.start) == [0, 20, 31, 44])
    }

    @Test func leftmostLongestWins() throws {
        let found = try NERFixture.entities("The New York Times wrote from New York and York.", lookup())
        #expect(found.map(\.text) == ["New York Times", "New York", "York"])
        #expect(found.map(\.label) == ["ORG", "LOC", "LOC"])
    }

    @Test func neverMatchesInsideALongerWord() throws {
        let found = try NERFixture.entities("Yorkshire, Putinism and NewYork are not names here; Kimchi neither.", lookup())
        #expect(found.isEmpty)
    }

    /// Vocabulary buckets hold a key's first eight bytes: keys of up to eight bytes are decided
    /// there, longer ones compare their tail, so keys that share eight bytes must stay apart.
    /// Keys are told apart by their first eight bytes, then bytes 8 ..< 12 (both in the bucket),
    /// then the rest (in the pool): near misses in each part must not match.
    @Test func keysLongerThanEightBytesCompareTheirTails() throws {
        let long = String(repeating: "Abcdefgh", count: 40)
        let tsv = "Abcdefgh\tORG\nAbcdefghij Corp\tORG\nÉcolevilleX\tLOC\n\(long)\tMISC\nAbcdefghijkl\tLOC\nAbcdefghijklmn\tPER\n"
        let pipeline = try NERFixture.pipeline(tsv, options: "rules: none")
        let text =
            "Abcdefgh, ABCDEFGHIJ corp, Abcdefghik Corp, Abcdefghi, écolevillex, Écolevilley, \(long), \(long)x, "
            + "abcdefghijkl, Abcdefghijkm, Abcdefghijklmn, Abcdefghijklmo."
        let found = try NERFixture.entities(text, pipeline)
        #expect(found.map(\.text) == ["Abcdefgh", "ABCDEFGHIJ corp", "écolevillex", long, "abcdefghijkl", "Abcdefghijklmn"])
    }

    @Test func possessiveEndingIsNotPartOfTheName() throws {
        let found = try NERFixture.entities("Putin's envoy met Putin’s aide.", lookup())
        #expect(found.map(\.text) == ["Putin", "Putin"])
        #expect(found.map(\.end) == [5, 23])
    }

    @Test(arguments: ["Zürich", "Zu\u{0308}rich"])
    func nfcAndNfdMatchTheSameEntry(_ spelling: String) throws {
        let text = "She flew to \(spelling) today."
        let found = try NERFixture.entities(text, lookup())
        #expect(found.map(\.id) == ["tp:place/zürich"])
        #expect(found.first?.end == 12 + spelling.unicodeScalars.count)
    }

    @Test func caseModes() throws {
        let text = "ZÜRICH, zürich, Zurich."
        #expect(try NERFixture.entities(text, lookup("rules: none\n      case: exact")).isEmpty)
        #expect(try NERFixture.entities(text, lookup("rules: none\n      case: insensitive")).map(\.text) == ["ZÜRICH", "zürich"])
        #expect(try NERFixture.entities(text, lookup("rules: none\n      case: diacritics")).count == 3)
    }

    @Test func acronymsMatchOnlyInCapitalsUnlessTold() throws {
        let text = "Let us meet the US envoy."
        #expect(try NERFixture.entities(text, lookup()).map(\.text) == ["US"])
        #expect(try NERFixture.entities(text, lookup("rules: none\n      acronyms: follow")).map(\.text) == ["us", "US"])
    }

    /// Acronym entries are turned down early for an ASCII token with a small letter; capitals and
    /// tokens outside ASCII still go through verification.
    @Test func acronymsOfSeveralTokensNeedTheirCapitalsInEveryToken() throws {
        let pipeline = try NERFixture.pipeline("UN\tORG\t\nUN HQ\tLOC\t\nUN ÉTÉ\tMISC\t\n", options: "rules: none")
        let found = try NERFixture.entities("UN HQ and UN hq and Un HQ and UN ÉTÉ.", pipeline)
        #expect(found.map(\.text) == ["UN HQ", "UN", "UN ÉTÉ"])
    }

    /// One-byte tokens (punctuation, initials) are looked up once per worker, folded like the others.
    @Test func oneByteTokensMatchInsideAndAsEntries() throws {
        let pipeline = try NERFixture.pipeline("Procter & Gamble\tORG\t\nQ\tMISC\t\n", options: "rules: none")
        let found = try NERFixture.entities("Shares of procter & gamble and Procter & Gamble rose, said q.", pipeline)
        #expect(found.map(\.text) == ["procter & gamble", "Procter & Gamble", "q"])
    }

    @Test func overlapAllWritesEveryMatchToASpanLayer() throws {
        let document = try DocumentFixtures.analyse("The New York Times.", with: lookup("rules: none\n      overlap: all"))
        #expect(document.entities.count == 1)
        let layer = try #require(document.spans["gazetteer"])
        #expect(layer.count == 3)
    }

    @Test func priorityPolicyPrefersHigherPriority() throws {
        let tsv = "New York\tLOC\t\t0\nYork Times\tORG\t\t10\n"
        let pipeline = try NERFixture.pipeline(tsv, options: "rules: none\n      overlap: priority")
        #expect(try NERFixture.entities("New York Times", pipeline).map(\.text) == ["York Times"])
        let longest = try NERFixture.pipeline(tsv, options: "rules: none")
        #expect(try NERFixture.entities("New York Times", longest).map(\.text) == ["New York"])
    }

    @Test func matchesStayInsideSentences() throws {
        let found = try NERFixture.entities("He moved to New.\n\nYork is far.", lookup())
        #expect(found.map(\.text) == ["York"])
    }

    @Test func missingGazetteerIsAConfigurationErrorNamingTheKey() throws {
        #expect {
            _ = try DocumentFixtures.pipeline(
                """
                version: 1
                stages:
                  - use: tokenize.icu@1
                  - use: ner.gazetteer@1
                    with: { gazetteers: [/nonexistent/x.tpg] }
                """)
        } throws: { error in
            let message = "\(error)"
            return message.contains("test.yaml:5") && message.contains("stages[1].with.gazetteers") && message.contains("/nonexistent/x.tpg")
        }
    }

    @Test func badSourceLineIsAConfigurationErrorNamingFileAndLine() throws {
        #expect {
            _ = try NERFixture.pipeline("surface\tlabel\nParis\tLOC\nLondon\tCITY\n")
        } throws: { error in
            "\(error)".contains("test.tsv:3") && "\(error)".contains("unknown label 'CITY'")
        }
    }
}
