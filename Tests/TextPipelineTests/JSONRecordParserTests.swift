import Testing
import TextPipeline

/// Every malformed record becomes one error record with its line number; valid ones become articles.
@Suite struct JSONRecordParserTests {
    func parse(_ bytes: [UInt8], line: Int = 7) -> InputRecord {
        bytes.withUnsafeBufferPointer { JSONRecordParser().parse($0, source: "in.jsonl", line: line) }
    }

    func parse(_ text: String) -> InputRecord { parse(Array(text.utf8)) }

    func errorKind(_ record: InputRecord) -> String? {
        if case .failure(_, let error, _, _) = record { return error.kind.rawValue }
        return nil
    }

    func article(_ record: InputRecord) -> Article? {
        if case .article(let article) = record { return article }
        return nil
    }

    /// Only the exact keys count: a key of the same length and first byte as `id`, `text`,
    /// `title` or `lang`, or one that starts like them, is an unknown field.
    @Test func keysThatOnlyResembleTheKnownOnesAreIgnored() throws {
        let line = #"{"id":"a1","text":"real","ie":"x","tent":5,"texts":6,"titl":7,"tiTle":8,"lane":9,"lan":"de"}"#
        let record = try #require(article(parse(line)))
        #expect(record.id == .string("a1"))
        #expect(String(decoding: record.text, as: UTF8.self) == "real")
        #expect(record.title == nil)
        #expect(record.language == nil)
        #expect(record.warnings.isEmpty)
    }

    @Test func validRecordKeepsIDTextAndTitle() throws {
        let record = try #require(article(parse(#"{"id": "a1", "title": "T", "text": "Hello \"world\"\n", "extra": [1, {"x": null}]}"#)))
        #expect(record.id == .string("a1"))
        #expect(String(decoding: record.text, as: UTF8.self) == "Hello \"world\"\n")
        #expect(record.title == "T")
        #expect(record.line == 7)
    }

    /// The string scanner reads 8 bytes at a time: escapes, quotes and non-ASCII
    /// bytes are found at every offset inside a chunk and near the end of the line.
    @Test func escapesAndNonASCIIAreFoundAtEveryChunkOffset() throws {
        for offset in 0 ..< 17 {
            for special in [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, "é", "北"] {
                let plain = String(repeating: "a", count: offset)
                let line = #"{"id": "x", "text": ""# + plain + special + plain + #""}"#
                let record = try #require(article(parse(line)), "offset \(offset), \(special)")
                let decoded = special == #"\""# ? "\"" : special == #"\\"# ? "\\" : special == #"\n"# ? "\n" : special == #"\u00e9"# ? "é" : special
                #expect(String(decoding: record.text, as: UTF8.self) == plain + decoded + plain, "offset \(offset), \(special)")
            }
        }
    }

    /// Every one-letter escape of JSON decodes to its byte, also at the end of the text.
    @Test func everyOneLetterEscapeDecodes() throws {
        let line = #"{"id": "x", "text": "\"\\\/\b\f\n\r\t|\t"}"#
        let record = try #require(article(parse(line)))
        #expect(record.text == [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09, 0x7C, 0x09])
    }

    @Test func numericIDIsKeptAsItsLiteral() throws {
        #expect(try #require(article(parse(#"{"id": 12.50, "text": "x"}"#))).id == .number("12.50"))
    }

    @Test func missingIDBecomesSourceAndLine() throws {
        #expect(try #require(article(parse(#"{"text": "x"}"#))).id == .string("in.jsonl:7"))
    }

    @Test(
        "malformed records",
        arguments: [
            (#"{"id": "a", "text": "trunc"#, "invalid_json"),
            (#"{"id": "a"}"#, "missing_text"),
            (#"{"id": "a", "text": 5}"#, "invalid_text"),
            (#"{"id": "a", "text": null}"#, "invalid_text"),
            (#"["text"]"#, "invalid_json"),
            (#"{"id": "a", "text": "x"} trailing"#, "invalid_json"),
            (#"{"id": "a", "text": "bad \q escape"}"#, "invalid_json"),
            (#"{"id": true, "text": "x"}"#, "invalid_id"),
            (String(repeating: "[", count: 1000), "invalid_json"),
        ])
    func malformed(line: String, kind: String) {
        #expect(errorKind(parse(line)) == kind)
    }

    @Test func malformedRecordKeepsItsID() {
        if case .failure(let id, _, _, _) = parse(#"{"id": "keep", "text": 5}"#) {
            #expect(id == .string("keep"))
        } else {
            Issue.record("expected a failure")
        }
    }

    @Test func binaryGarbageIsInvalidJSON() {
        #expect(errorKind(parse([0xFF, 0x00, 0x13, 0x80, 0x7B])) == "invalid_json")
    }

    @Test func invalidUTF8InsideTextIsReported() {
        var bytes = Array(#"{"id": "u", "text": "caf"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(errorKind(parse(bytes)) == "invalid_utf8")
    }

    @Test func loneSurrogateEscapesBecomeReplacementCharacters() throws {
        let record = try #require(article(parse(#"{"text": "a\ud800b\udc00c\ud83d\ude00"}"#)))
        #expect(String(decoding: record.text, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c😀")
    }

    @Test func emptyTextIsAValidArticle() throws {
        #expect(try #require(article(parse(#"{"id": "e", "text": ""}"#))).text.isEmpty)
    }

    @Test func nonStringTitleIsIgnoredWithAWarning() throws {
        let record = try #require(article(parse(#"{"text": "x", "title": 3}"#)))
        #expect(record.title == nil)
        #expect(record.warnings.count == 1)
    }
}

/// The optional `lang` field.
@Suite struct JSONRecordParserLanguageTests {
    func article(_ line: String) -> Article? {
        let record = Array(line.utf8).withUnsafeBufferPointer { JSONRecordParser().parse($0, source: "in.jsonl", line: 1) }
        if case .article(let article) = record { return article }
        return nil
    }

    @Test func aLanguageTagIsRead() throws {
        let parsed = try #require(article(#"{"id": "a", "text": "Hallo.", "lang": "de-AT"}"#))
        #expect(parsed.language == ArticleLanguage(code: "de", source: .input))
        #expect(parsed.warnings.isEmpty)
    }

    @Test func nullOrMissingLeavesItToDetection() throws {
        #expect(try #require(article(#"{"id": "a", "text": "x", "lang": null}"#)).language == nil)
        #expect(try #require(article(#"{"id": "a", "text": "x"}"#)).language == nil)
    }

    @Test(arguments: [#""german""#, "42", #"["de"]"#])
    func aMalformedTagIsIgnoredWithAWarning(_ value: String) throws {
        let parsed = try #require(article(#"{"id": "a", "text": "x", "lang": \#(value)}"#))
        #expect(parsed.language == nil)
        #expect(parsed.warnings.count == 1)
        #expect(parsed.warnings.first?.contains("lang") == true)
    }
}
