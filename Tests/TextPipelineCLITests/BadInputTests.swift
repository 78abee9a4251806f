import Foundation
import TestSupport
import Testing

/// Bad input of every kind through `textpipe run`: each input line yields
/// exactly one output line (blank lines aside), valid JSON, in input order,
/// with the expected error kind, and the run exits 0.
///
/// Every case is one file in one input folder, so one run covers them all and
/// a case that swallowed or duplicated a line shifts every later case.
@Suite struct BadInputTests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]
    /// The run's `--max-article-bytes`, small so the size cases stay small.
    static let limit = 1000

    /// One kind of bad input: a file of the input folder and what each of its lines must give.
    struct Case: CustomStringConvertible {
        /// The file name; its extension chooses the reader (`.jsonl`, `.txt`, `.gz`).
        let name: String
        let bytes: [UInt8]
        /// Per output line: `ok` for an analysis, else the error kind.
        let kinds: [String]
        var description: String { name }
    }

    static func line(_ text: String) -> [UInt8] { Array(text.utf8) + [0x0A] }
    static func record(textBytes: [UInt8], id: String = "\"x\"") -> [UInt8] {
        Array(#"{"id":\#(id),"text":""#.utf8) + textBytes + Array(#""}"#.utf8) + [0x0A]
    }
    static func nested(_ depth: Int) -> String {
        #"{"deep":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + #","text":"Nested."}"#
    }

    /// The cases, in folder order.
    static func cases() throws -> [Case] {
        let valid = line(#"{"id":"v","text":"Fine."}"#)
        return [
            // Malformed JSON
            Case(name: "truncated-object.jsonl", bytes: line(#"{"id":"t","text":"abc"#), kinds: ["invalid_json"]),
            Case(name: "binary-garbage.jsonl", bytes: [0xFF, 0xFE, 0x13, 0x9C, 0x7B, 0x22, 0x0A], kinds: ["invalid_json"]),
            Case(name: "nul-bytes.jsonl", bytes: [0x00, 0x00, 0x00, 0x0A], kinds: ["invalid_json"]),
            Case(name: "array-not-object.jsonl", bytes: line(#"[{"text":"a"}]"#), kinds: ["invalid_json"]),
            Case(name: "string-not-object.jsonl", bytes: line(#""text""#), kinds: ["invalid_json"]),
            Case(name: "trailing-text.jsonl", bytes: line(#"{"text":"a"} x"#), kinds: ["invalid_json"]),
            Case(name: "two-objects-one-line.jsonl", bytes: line(#"{"text":"a"}{"text":"b"}"#), kinds: ["invalid_json"]),
            Case(name: "missing-comma.jsonl", bytes: line(#"{"id":"a" "text":"b"}"#), kinds: ["invalid_json"]),
            Case(name: "unquoted-key.jsonl", bytes: line(#"{text:"a"}"#), kinds: ["invalid_json"]),
            Case(name: "trailing-comma.jsonl", bytes: line(#"{"text":"a",}"#), kinds: ["invalid_json"]),
            Case(name: "single-quotes.jsonl", bytes: line(#"{'text':'a'}"#), kinds: ["invalid_json"]),
            Case(name: "invalid-escape.jsonl", bytes: line(#"{"text":"a\x"}"#), kinds: ["invalid_json"]),
            Case(name: "short-unicode-escape.jsonl", bytes: line(#"{"text":"\u12"}"#), kinds: ["invalid_json"]),
            // Fields
            Case(name: "missing-text.jsonl", bytes: line(#"{"id":"m","title":"Only a title"}"#), kinds: ["missing_text"]),
            Case(name: "empty-object.jsonl", bytes: line("{}"), kinds: ["missing_text"]),
            Case(name: "text-number.jsonl", bytes: line(#"{"text":5}"#), kinds: ["invalid_text"]),
            Case(name: "text-null.jsonl", bytes: line(#"{"text":null}"#), kinds: ["invalid_text"]),
            Case(name: "text-array.jsonl", bytes: line(#"{"text":["a"]}"#), kinds: ["invalid_text"]),
            Case(name: "empty-text.jsonl", bytes: line(#"{"text":""}"#), kinds: ["ok"]),
            // UTF-8
            Case(name: "utf8-invalid-byte.jsonl", bytes: record(textBytes: [0x61, 0xC3, 0x28]), kinds: ["invalid_utf8"]),
            Case(name: "utf8-overlong.jsonl", bytes: record(textBytes: [0xC0, 0xAF]), kinds: ["invalid_utf8"]),
            Case(name: "utf8-encoded-surrogate.jsonl", bytes: record(textBytes: [0xED, 0xA0, 0x80]), kinds: ["invalid_utf8"]),
            Case(name: "utf8-cut-sequence.jsonl", bytes: record(textBytes: [0x61, 0xE2, 0x82]), kinds: ["invalid_utf8"]),
            Case(name: "utf8-beyond-u10ffff.jsonl", bytes: record(textBytes: [0xF4, 0x90, 0x80, 0x80]), kinds: ["invalid_utf8"]),
            Case(name: "utf8-in-id.jsonl", bytes: Array(#"{"id":"a"#.utf8) + [0xFF] + Array(#"","text":"b"}"#.utf8) + [0x0A], kinds: ["invalid_utf8"]),
            Case(name: "escaped-lone-surrogate.jsonl", bytes: line(#"{"text":"a\ud800b"}"#), kinds: ["ok"]),
            // Ids
            Case(name: "id-object.jsonl", bytes: line(#"{"id":{"a":1},"text":"a"}"#), kinds: ["invalid_id"]),
            Case(name: "id-array.jsonl", bytes: line(#"{"id":[1],"text":"a"}"#), kinds: ["invalid_id"]),
            Case(name: "id-boolean.jsonl", bytes: line(#"{"id":true,"text":"a"}"#), kinds: ["invalid_id"]),
            Case(name: "id-leading-zero.jsonl", bytes: line(#"{"id":01,"text":"a"}"#), kinds: ["invalid_json"]),
            Case(name: "id-negative-leading-zeros.jsonl", bytes: line(#"{"id":-007,"text":"a"}"#), kinds: ["invalid_json"]),
            Case(name: "id-malformed-number.jsonl", bytes: line(#"{"id":1.,"text":"a"}"#), kinds: ["invalid_json"]),
            Case(name: "id-numbers-valid.jsonl", bytes: line(#"{"id":0,"text":"a"}"#) + line(#"{"id":-0.5e+3,"text":"a"}"#), kinds: ["ok", "ok"]),
            // Nesting
            Case(name: "nesting-too-deep.jsonl", bytes: line(nested(300)), kinds: ["invalid_json"]),
            Case(name: "nesting-deep-allowed.jsonl", bytes: line(nested(200)), kinds: ["ok"]),
            // Byte-order marks and line endings
            Case(name: "bom-at-start.jsonl", bytes: [0xEF, 0xBB, 0xBF] + valid, kinds: ["ok"]),
            Case(name: "bom-on-second-line.jsonl", bytes: valid + [0xEF, 0xBB, 0xBF] + valid, kinds: ["ok", "invalid_json"]),
            Case(name: "crlf-lines.jsonl", bytes: Array("{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n".utf8), kinds: ["ok", "ok"]),
            Case(name: "lone-cr-is-not-a-separator.jsonl", bytes: Array("{\"text\":\"a\"}\r{\"text\":\"b\"}\n".utf8), kinds: ["invalid_json"]),
            Case(name: "unicode-separators-inside.jsonl", bytes: line("{\"text\":\"a\u{2028}b\u{2029}c\u{0B}d\u{0C}e\u{85}f\"}"), kinds: ["ok"]),
            Case(name: "no-final-newline.jsonl", bytes: valid + Array(#"{"text":"last"}"#.utf8), kinds: ["ok", "ok"]),
            Case(name: "blank-lines-skipped.jsonl", bytes: valid + [0x0A] + Array(" \t\r\n".utf8) + valid, kinds: ["ok", "ok"]),
            // Sizes
            Case(name: "size-at-limit.jsonl", bytes: record(textBytes: Array(repeating: 0x61, count: limit)), kinds: ["ok"]),
            Case(name: "size-over-limit.jsonl", bytes: record(textBytes: Array(repeating: 0x61, count: limit + 1)), kinds: ["oversized"]),
            Case(
                name: "size-long-line-of-escapes.jsonl", bytes: line(#"{"text":""# + String(repeating: #"\u0041"#, count: 2 * limit) + #""}"#),
                kinds: ["oversized"]),
            // Archives
            Case(name: "archive-mixed.jsonl.gz", bytes: try gzip(valid + line("{oops") + valid), kinds: ["ok", "invalid_json", "ok"]),
            Case(name: "archive-two-members.jsonl.gz", bytes: try gzip(valid) + gzip(valid), kinds: ["ok", "ok"]),
            Case(name: "archive-empty.jsonl.gz", bytes: try gzip([]), kinds: []),
            Case(name: "archive-text-bad-utf8.txt.gz", bytes: try gzip([0x61, 0xFF, 0x62]), kinds: ["invalid_utf8"]),
            // Text files
            Case(name: "text-bad-utf8.txt", bytes: [0x61, 0xC3], kinds: ["invalid_utf8"]),
            Case(name: "text-with-bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Hello. There.".utf8), kinds: ["ok"]),
            Case(name: "text-empty.txt", bytes: [], kinds: ["ok"]),
        ]
    }

    /// Compresses `bytes` with the system's gzip.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("tp-gzip-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n '\(input.path)' > '\(input.path).gz'"]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: input.path + ".gz") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: input.path + ".gz")))
    }

    @Test func everyKindOfBadInputGivesOneLineWithItsKind() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 25)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, item) in cases.enumerated() {
            let path = folder.appendingPathComponent(String(format: "%02d-", index) + item.name).path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }

        let result = try CLIHarness.run(["run", folder.path, "--max-article-bytes", "\(Self.limit)", "--workers", "2"] + pipeline)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        #expect(lines.count == cases.reduce(0) { $0 + $1.kinds.count })
        var next = 0
        for (item, path) in zip(cases, paths) {
            let slice = lines.dropFirst(next).prefix(item.kinds.count)
            next += item.kinds.count
            let records = slice.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(!records.contains { $0 == nil }, "\(item): an output line is not a JSON object: \(slice)")
            let kinds = records.map { record in
                ((record?["error"] as? [String: Any])?["kind"] as? String) ?? (record?["sentences"] != nil ? "ok" : "?")
            }
            #expect(kinds == item.kinds, "\(item)")
            for record in records {
                guard let error = record?["error"] as? [String: Any] else { continue }
                #expect(error["source"] as? String == path, "\(item)")
                #expect(error["stage"] as? String == "input", "\(item)")
            }
        }
        let errors = cases.flatMap(\.kinds).filter { $0 != "ok" }.count
        #expect(result.stderr.contains("\(lines.count) articles, \(errors) errors"), "\(result.stderr)")
    }
}
