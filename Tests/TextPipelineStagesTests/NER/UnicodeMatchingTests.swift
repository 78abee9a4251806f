import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// Matching in several scripts, with code-point spans, and never inside a longer word.
@Suite struct UnicodeMatchingTests {
    static let gazetteer = """
        München\tLOC
        Genève\tLOC
        Élysée\tLOC
        Αθήνα\tLOC
        Κυριάκος Μητσοτάκης\tPER
        Москва\tLOC
        Владимир Путин\tPER
        北京\tLOC
        习近平\tPER
        Hà Nội\tLOC
        Nguyễn Phú Trọng\tPER
        Berlin\tLOC
        Paris\tLOC
        """

    static let cases = [
        "Die Delegation aus [[München]]LOC traf sich gestern in [[Berlin]]LOC; die Berliner Presse schwieg.",
        "Le président est rentré de [[Genève]]LOC à l’[[Élysée]]LOC; les Parisiens l’attendaient à [[Paris]]LOC.",
        "Ο [[Κυριάκος Μητσοτάκης]]PER επέστρεψε στην [[Αθήνα]]LOC χθες, οι Αθηναίοι περίμεναν.",
        "[[Владимир Путин]]PER вернулся в [[Москва]]LOC, москвичи ждали.",
        "[[习近平]]PER昨天抵达[[北京]]LOC。",
        "Ông [[Nguyễn Phú Trọng]]PER đã đến [[Hà Nội]]LOC hôm qua.",
    ]

    @Test(arguments: cases)
    func findsNamesWithCodePointSpans(_ markup: String) throws {
        let pipeline = try NERFixture.pipeline(Self.gazetteer, options: "rules: none")
        let found = try NERFixture.entities(SpanMarkup(markup).text, pipeline)
        let expected = NERFixture.expected(markup)
        #expect(found.map(\.text) == expected.map(\.text))
        #expect(found.map(\.label) == expected.map(\.label))
        #expect(found.map(\.start) == expected.map(\.start))
        #expect(found.map(\.end) == expected.map(\.end))
    }

    @Test(arguments: ["Münchener Bier", "Genèveois", "Αθήναιος", "Москвария", "Hà Nộii", "北京"])
    func noMatchInsideALongerWord(_ text: String) throws {
        // "京" and "Nội Bài" are entries too: neither may match inside "北京" or "Nộii".
        let pipeline = try NERFixture.pipeline(Self.gazetteer + "\n京\tLOC\nNộ\tLOC", options: "rules: none")
        #expect(try NERFixture.entities(text, pipeline).filter { $0.text != "北京" }.isEmpty)
    }

    /// ASCII tokens against entries that are not ASCII but share their key: case folding makes
    /// "ß" "ss", so "STRASSE" agrees with "Straße" when case is ignored; "ï" stays "ï", so "Said"
    /// does not agree with "Saïd" unless marks are ignored too.
    @Test(arguments: [
        ("insensitive", ["Straße": "LOC", "STRASSE": "LOC", "strasse": "LOC"]),
        ("exact", ["Straße": "LOC"]),
        ("diacritics", ["Straße": "LOC", "STRASSE": "LOC", "strasse": "LOC", "Said": "PER", "SAID": "PER"]),
    ])
    func asciiTokensAgreeWithFoldedEntriesByMode(_ mode: String, _ expected: [String: String]) throws {
        let pipeline = try NERFixture.pipeline("Straße\tLOC\nSaïd\tPER", options: "rules: none\n      case: \(mode)")
        let text = "Straße, STRASSE, strasse, Strase, Said, SAID, Saïd."
        let found = try NERFixture.entities(text, pipeline).filter { $0.text != "Saïd" }
        #expect(Dictionary(uniqueKeysWithValues: found.map { ($0.text, $0.label) }) == expected)
    }

    @Test func accentInsensitiveModeIgnoresMarksInAnyScript() throws {
        let pipeline = try NERFixture.pipeline(Self.gazetteer, options: "rules: none\n      case: diacritics")
        let found = try NERFixture.entities("Geneve, MUNCHEN, Αθηνα, Ha Noi", pipeline)
        #expect(found.map(\.label) == ["LOC", "LOC", "LOC", "LOC"])
    }
}
