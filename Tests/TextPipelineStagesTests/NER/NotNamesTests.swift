import TestSupport
import Testing

@testable import TextPipelineStages

/// What users saw as names and are not: honorifics, determiners, single letters, generic plurals,
/// page furniture, and names read as the wrong kind (bundled English rules). Each case is the
/// whole expected tagging of the text, written as span markup.
@Suite struct NotNamesTests {
    /// Entries that made these mistakes in the corpus audit: a place named Obama, a party called
    /// "I believe", a one-letter organisation, a place named Lawson, the first and surnames.
    static let gazetteer = """
        surface\tlabel\tid\tpriority\tcase\tkind
        Obama\tLOC\tgeonames:1854849
        Lawson\tLOC\tgeonames:13589212
        I believe\tORG\tpartyfacts:3205
        C\tORG\tfactbook:org/C
        German\tMISC
        London\tLOC\tgeonames:2643743
        Israel\tLOC\tiso3166:IL\t50
        Egypt\tLOC\tiso3166:EG\t50
        Israel\tPER\t\t\t\tfirst_name
        Houston\tLOC\tgeonames:4699066\t20
        Houston\tPER\t\t\t\tsurname
        Obama\tPER\t\t\t\tsurname
        Lawson\tPER\t\t\t\tsurname
        James\tPER\t\t\t\tfirst_name
        Nash\tPER\t\t\t\tsurname
        Pope Francis\tPER\ttp:person/pope-francis
        """

    static func tagged(_ text: String, gazetteer: String = gazetteer) throws -> SpanMarkup {
        let found = try NERFixture.entities(text, NERFixture.pipeline(gazetteer))
        var markup = "", position = text.unicodeScalars.startIndex
        for entity in found {
            let start = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: entity.start)
            let end = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: entity.end)
            markup += String(text.unicodeScalars[position ..< start]) + "[[" + String(text.unicodeScalars[start ..< end]) + "]]" + entity.label
            position = end
        }
        return SpanMarkup(markup + String(text.unicodeScalars[position...]))
    }

    @Test(arguments: [
        // An honorific is never a person alone, not even after "Mr Nash" made "Nash" one.
        "Later Mr [[Nash]]PER said so. Mr [[Nash]]PER continued: it was fine.",
        // Generic plurals for people before "said" are not names.
        "Analysts said the Fed would wait. Dealers said rates held.",
        // Page furniture.
        "Hide Caption\n\nImage copyright: none.",
        // A single letter is not a name, even when a gazetteer lists it.
        "She noted that C was rated. I believe it.",
    ])
    func notNames(_ expected: String) throws {
        let spec = SpanMarkup(expected)
        let found = try Self.tagged(spec.text)
        #expect(found.spans == spec.spans, "\(found)")
    }

    @Test(arguments: [
        // A title before a place that is also a surname: the person, without the place's id.
        "They said President [[Obama]]PER spoke. Chancellor [[Lawson]]PER agreed.",
        // A small place spelled like a person's name is a place only after a place preposition.
        "[[Obama]]PER said so, and the aide agreed.",
        "He flew to [[Obama]]LOC on Monday.",
        // A title before a large place (no small-place rule) that is also a surname: the person.
        "Mr [[Houston]]PER spoke in [[London]]LOC.",
        // A title inside a run cuts it: what comes before is not part of the person's name.
        "The [[West German]]MISC Finance Minister [[James Nash]]PER spoke in [[London]]LOC.",
        // A compass word with a lookup after it takes the lookup's label; alone with another word, a place.
        "Oil from the [[Middle East]]LOC rose. Prices in [[North London]]LOC fell.",
        // Names joined by "and" stay separate names, even when the first is also a first name.
        "He left despite [[Israel]]LOC and [[Egypt]]LOC. [[Israel]]LOC said no.",
        // A title inside a name is not the person alone.
        "[[Pope Francis]]PER spoke. The Pope left.",
    ])
    func labels(_ expected: String) throws {
        let spec = SpanMarkup(expected)
        let found = try Self.tagged(spec.text)
        #expect(found.spans == spec.spans, "\(found)")
    }

    /// A Title Case headline gives no capitalisation evidence; lookups in it still count.
    @Test(arguments: [
        "Leader Sends Letter to President After Historic Visit to [[London]]LOC\n\nThe leader of the party wrote it.",
        "Talks Resume After Historic Visit\nThe envoy met [[James Nash]]PER in [[London]]LOC.",
    ])
    func titleCaseHeadlines(_ expected: String) throws {
        let spec = SpanMarkup(expected)
        let found = try Self.tagged(spec.text)
        #expect(found.spans == spec.spans, "\(found)")
    }

    /// Only a line that stands alone (the text's first or last, or next to a blank line) can be a
    /// Title Case headline: inside a paragraph, between single line breaks, its capitals still count.
    @Test func titleCaseLineMustStandAlone() throws {
        let line = "Leader Sends Letter to President After Historic Visit"
        let alone = try Self.tagged("Markets were calm.\n\n\(line)\n\nThe leader wrote it.")
        let inside = try Self.tagged("Markets were calm.\n\(line)\nThe leader wrote it.")
        #expect(alone.spans.isEmpty, "\(alone)")
        #expect(!inside.spans.isEmpty, "\(inside)")
    }

    /// Line breaks are counted per gap between tokens, wherever the gap lies: a blank line holding
    /// spaces still stands a line alone, after a long paragraph as after a short one.
    @Test func titleCaseLineAfterALongParagraphAndASpacedBlankLine() throws {
        let line = "Leader Sends Letter to President After Historic Visit"
        let paragraph = Array(repeating: "markets were calm and trading was thin.", count: 40).joined(separator: " ")
        let alone = try Self.tagged("\(paragraph)\n \n\(line)\n  \nThe leader wrote it.")
        let inside = try Self.tagged("\(paragraph)\n \(line) \nThe leader wrote it.")
        #expect(alone.spans.isEmpty, "\(alone)")
        #expect(!inside.spans.isEmpty, "\(inside)")
    }

    @Test func titleBeforeAPlaceDropsThePlaceID() throws {
        let found = try NERFixture.entities("President Obama spoke.", NERFixture.pipeline(Self.gazetteer))
        #expect(found.map(\.label) == ["PER"])
        #expect(found.first?.id?.hasPrefix("geonames:") != true)
    }
}
