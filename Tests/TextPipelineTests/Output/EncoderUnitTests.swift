import Testing

@testable import TextPipeline

/// The encoders' building blocks on hand-made documents.
@Suite struct EncoderUnitTests {
    /// Tokens cut at spaces (white space never inside a token).
    static func document(_ text: String, id: ArticleID = .string("d")) -> Document {
        var document = Document(id: id, text: text)
        var start: Int?
        for (index, byte) in Array(text.utf8).enumerated() {
            let space = byte == 0x20 || byte == 0x0A
            if !space, start == nil { start = index }
            if space, let first = start {
                document.tokens.append(start: Int32(first), end: Int32(index), kind: .word)
                start = nil
            }
        }
        if let first = start { document.tokens.append(start: Int32(first), end: Int32(text.utf8.count), kind: .word) }
        return document
    }

    @Test func conllTagsSentencesAndSkipsOverlaps() {
        var document = Self.document("Kim Jong Un met KCNA staff . Then left")
        document.sentences.append(tokens: 0 ..< 7)
        document.sentences.append(tokens: 7 ..< 9)
        document.entities.append(tokens: 0 ..< 3, label: .person, canonicalID: nil)
        document.entities.append(tokens: 1 ..< 2, label: .location, canonicalID: nil)
        document.entities.append(tokens: 4 ..< 5, label: EntityLabel(rawValue: "MY LABEL"), canonicalID: nil)
        var record = EncodedRecord()
        CoNLLEncoder().encode(document, into: &record)
        #expect(
            String(decoding: record.bytes, as: UTF8.self) == """
                -DOCSTART- "d" -X- O

                Kim _ _ B-PER
                Jong _ _ I-PER
                Un _ _ I-PER
                met _ _ O
                KCNA _ _ B-MY_LABEL
                staff _ _ O
                . _ _ O

                Then _ _ O
                left _ _ O


                """)
    }

    @Test func conllErrorRecordIsAnEmptyDocumentNamingTheKind() {
        var record = EncodedRecord()
        CoNLLEncoder().encode(ErrorRecord(id: .string("é x"), stage: "input", kind: .invalidJSON, message: "m", source: "s", line: 1), into: &record)
        #expect(String(decoding: record.bytes, as: UTF8.self) == "-DOCSTART- \"\\u00e9\\u0020x\" error:invalid_json O\n\n")
    }

    @Test func conllTokenWhiteSpaceBecomesUnderscore() {
        var out = JSONBuffer()
        CoNLLFields.token("a\u{00A0}b\u{3000}c\u{2028}é", into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "a_b_c_é")
    }

    /// Mirrors spacy.util.get_words_and_spaces: a gap's first space after a word is trailing, the rest a token.
    @Test func spacyLayoutMakesGapsTokensAsSpacyDoes() {
        var document = Document(id: .string("s"), text: " Hi  there.\n\nBye\u{00A0}x ")
        for (start, end) in [(1, 3), (5, 10), (10, 11), (13, 16), (16, 18), (18, 19)] {
            document.tokens.append(start: Int32(start), end: Int32(end), kind: .word)
        }
        var tokens: [String] = []
        SpacyTokenLayout.forEachToken(of: document) { tokens.append(document.text(bytes: $0 ..< $1)) }
        #expect(tokens == [" ", "Hi", " ", "there", ".", "\n\n", "Bye", "\u{00A0}", "x"])
    }

    /// ASCII white space as Python's `str.isspace()` has it (tab to carriage return, the four
    /// separators 0x1C-0x1F, space) separates gap words; other control characters are words.
    @Test func spacyLayoutTreatsASCIIWhiteSpaceAsPythonDoes() {
        var document = Document(id: .string("s"), text: "a\t\u{1C}\u{0B}\u{01}b\u{1F}c\u{85}d")
        document.tokens.append(start: 0, end: 1, kind: .word)
        document.tokens.append(start: 10, end: 11, kind: .word)
        var tokens: [String] = []
        SpacyTokenLayout.forEachToken(of: document) { tokens.append(document.text(bytes: $0 ..< $1)) }
        #expect(tokens == ["a", "\t\u{1C}\u{0B}", "\u{01}b", "\u{1F}", "c", "\u{85}", "d"])
    }

    @Test func safeFileNamesAreInjectiveAndBounded() {
        var names = SafeFileNames()
        #expect(names.name(for: .string("a/b")) == "a%2Fb")
        #expect(names.name(for: .string("a%2Fb")) == "a%252Fb")
        #expect(names.name(for: .string("..")) == "%2E.")
        #expect(names.name(for: .string("")) == "~empty")
        #expect(names.name(for: .string("A%2fB")) == "A%252fB~2")  // "a%252Fb" but for case
        #expect(names.name(for: .string("a/B")) == "a%2FB~2")
        let long = SafeFileNames.escape(String(repeating: "é", count: 200))
        #expect(long.utf8.count <= 160)
        #expect(long != SafeFileNames.escape(String(repeating: "é", count: 201)))
        #expect(!long.dropLast(17).hasSuffix("%"))
    }

    @Test func bratSplitsEntitiesAtLineBreaks() {
        var document = Self.document("Kim Jong\nUn went")
        document.entities.append(tokens: 0 ..< 3, label: .person, canonicalID: "person-1")
        var record = EncodedRecord()
        BratEncoder().encode(document, into: &record)
        #expect(String(decoding: record.part(0), as: UTF8.self) == "Kim Jong\nUn went")
        #expect(String(decoding: record.part(1), as: UTF8.self) == "T1\tPER 0 8;9 11\tKim Jong Un\nN1\tReference T1 textpipe:person-1\tKim Jong Un\n")
    }
}
