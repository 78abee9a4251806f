import Foundation
import TestSupport
import Testing

/// `textpipe run` end to end, through the built executable.
@Suite struct RunCommandTests {
    let fixtures = "Tests/TextPipelineCLITests/Fixtures"

    @Test func fixtureInputGivesTheExpectedOutput() throws {
        let result = try CLIHarness.run(["run", "--pipeline", "\(fixtures)/tokens-sentences.yaml", "\(fixtures)/sample.jsonl", "--emit", "tokens"])
        let expected = try String(contentsOf: CLIHarness.repositoryRoot.appendingPathComponent("\(fixtures)/sample.expected.jsonl"), encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.stdout == expected)
        #expect(result.stderr.contains("4 articles, 0 errors"))
    }

    @Test func optionsMayComeBeforeOrAfterInputs() throws {
        let before = try CLIHarness.run(["run", "--pipeline", "\(fixtures)/tokens-sentences.yaml", "--offsets", "utf8", "\(fixtures)/sample.jsonl"])
        let after = try CLIHarness.run(["run", "\(fixtures)/sample.jsonl", "--offsets", "utf8", "--pipeline", "\(fixtures)/tokens-sentences.yaml"])
        #expect(before.status == 0)
        #expect(before.stdout == after.stdout)
    }

    @Test func offsetUnitsDiffer() throws {
        let input = Data(#"{"id":"e","text":"😀 Hi. Yo."}"#.utf8 + [0x0A])
        let pipeline = ["--pipeline", "\(fixtures)/tokens-sentences.yaml"]
        let scalars = try CLIHarness.run(["run"] + pipeline, stdin: input).stdout
        let utf16 = try CLIHarness.run(["run", "--offsets", "utf16"] + pipeline, stdin: input).stdout
        let utf8 = try CLIHarness.run(["run", "--offsets", "utf8"] + pipeline, stdin: input).stdout
        #expect(scalars.contains(#"{"start":0,"end":5},{"start":6,"end":9}"#))
        #expect(utf16.contains(#"{"start":0,"end":6},{"start":7,"end":10}"#))
        #expect(utf8.contains(#"{"start":0,"end":8},{"start":9,"end":12}"#))
    }

    /// Every malformed line yields exactly one record, in order, and the run exits 0.
    @Test func malformedInputGetsOneRecordPerLine() throws {
        var input = Data()
        func line(_ bytes: [UInt8]) { input.append(contentsOf: bytes + [0x0A]) }
        line(Array(#"{"id":"truncated","text":"abc"#.utf8))
        line([0x00, 0xFF, 0xFE, 0x13, 0x9C, 0x7B, 0x22])
        line(Array(#"{"id":"empty","text":""}"#.utf8))
        line(Array(#"{"id":"missing"}"#.utf8))
        line(Array(#"{"id":"badutf8","text":"ab"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        line(Array(#"{"id":42,"text":"Numeric id."}"#.utf8))
        line(Array(#"{"id":"crlf","text":"Windows line."}"#.utf8) + [0x0D])
        line(Array(#"{"id":"huge","text":""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000) + Array(#""}"#.utf8))
        line(Array("{\"id\":\"seps\",\"text\":\"One\u{2028}two\\u000bthree\u{0B}four.\"}".utf8))
        let result = try CLIHarness.run(["run", "--pipeline", "\(fixtures)/tokens-sentences.yaml"], stdin: input)
        #expect(result.status == 0)
        let records = try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.count == 9)
        let kinds = records.map { (($0["error"] as? [String: Any])?["kind"] as? String) ?? "ok" }
        #expect(kinds == ["invalid_json", "invalid_json", "ok", "missing_text", "invalid_utf8", "ok", "ok", "ok", "ok"])
        #expect(records[0]["id"] as? String == "truncated")
        #expect(records[1]["id"] as? String == "<stdin>:2")
        #expect((records[1]["error"] as? [String: Any])?["line"] as? Int == 2)
        #expect((records[1]["error"] as? [String: Any])?["stage"] as? String == "input")
        #expect(records[5]["id"] as? Int == 42)
        #expect(result.lines[5].hasPrefix(#"{"id":42,"#))
        #expect((records[7]["sentences"] as? [[String: Int]])?.first?["end"] == 5_000_000)
        #expect(result.stderr.contains("9 articles, 4 errors"))
    }

    @Test func textFilesFoldersAndGzipAreRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Second file. Two sentences.".write(to: folder.appendingPathComponent("b/2.txt"), atomically: true, encoding: .utf8)
        try "{\"id\":\"first\",\"text\":\"First.\"}\n".write(to: folder.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "printf '{\"id\":\"zipped\",\"text\":\"Zipped.\"}\\n' | gzip > '\(folder.path)/c.jsonl.gz'"]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try CLIHarness.run(["run", folder.path, "--pipeline", "\(fixtures)/tokens-sentences.yaml"])
        #expect(result.status == 0)
        let ids = try result.lines.map { (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String }
        #expect(ids == ["first", "\(folder.path)/b/2.txt", "zipped"])
    }

    @Test func stdinAsText() throws {
        let result = try CLIHarness.run(["run", "--format", "text", "--pipeline", "\(fixtures)/tokens-sentences.yaml"], stdin: Data("One. Two.".utf8))
        #expect(result.lines == [#"{"id":"<stdin>","sentences":[{"start":0,"end":4},{"start":5,"end":9}]}"#])
    }

    @Test func defaultPipelineWorksFromAnyDirectory() throws {
        let result = try CLIHarness.run(["run"], stdin: Data(#"{"id":"x","text":"Hello there. Bye."}"#.utf8), directory: URL(fileURLWithPath: "/tmp"))
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix(#"{"id":"x","sentences":[{"start":0,"end":12}"#) == true)
    }

    @Test func outputFileOption() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tp-out-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLIHarness.run(["run", "-o", path, "--pipeline", "\(fixtures)/tokens-sentences.yaml", "\(fixtures)/sample.jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 4)
    }

    @Test func writeFailureExitsWithStatusOne() throws {
        let result = try CLIHarness.run(["run", "-o", "/dev/full", "--pipeline", "\(fixtures)/tokens-sentences.yaml", "\(fixtures)/sample.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write to /dev/full"))
    }

    @Test func missingInputIsAUsageError() throws {
        let result = try CLIHarness.run(["run", "/nonexistent/input.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/input.jsonl does not exist"))
        #expect(result.stdout.isEmpty)
    }

    @Test func badPipelineIsAConfigurationError() throws {
        let result = try CLIHarness.run(["run", "--pipeline", "/nonexistent/p.yaml"], stdin: Data("{}\n".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownFlagIsAUsageError() throws {
        #expect(try CLIHarness.run(["run", "--no-such-flag"]).status == 2)
    }
}
