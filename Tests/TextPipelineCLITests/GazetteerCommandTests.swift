import Foundation
import TestSupport
import Testing

/// `textpipe gazetteer compile` and `inspect`, run as a process.
@Suite struct GazetteerCommandTests {
    static var fixture: String {
        CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/gazetteer/sample.tsv").path
    }

    func temporary(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-gaz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func compileThenInspectAndVerify() throws {
        let output = try temporary("g.tpg")
        let compile = try CLIHarness.run(["gazetteer", "compile", Self.fixture, "-o", output])
        #expect(compile.status == 0)
        #expect(compile.stderr.contains("3 entries"))
        let inspect = try CLIHarness.run(["gazetteer", "inspect", output, "--verify"])
        #expect(inspect.status == 0)
        #expect(inspect.lines.contains("entries: 3"))
        #expect(inspect.lines.contains("labels: LOC 1, ORG 1, PER 1"))
        #expect(inspect.lines.contains("verify: ok (checksum and references)"))
    }

    @Test func badSourceLineExitsWithStatus2NamingFileAndLine() throws {
        let source = try temporary("bad.tsv")
        try "Paris\tLOC\nLondon\tCITY\n".write(toFile: source, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["gazetteer", "compile", source, "-o", try temporary("g.tpg")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.tsv:2: unknown label 'CITY'"))
    }

    @Test func corruptedFileFailsVerifyWithStatus2() throws {
        let output = try temporary("g.tpg")
        #expect(try CLIHarness.run(["gazetteer", "compile", Self.fixture, "-o", output]).status == 0)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
        bytes[bytes.count - 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: output))
        let result = try CLIHarness.run(["gazetteer", "inspect", output, "--verify"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("checksum mismatch"))
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: output))
        let truncated = try CLIHarness.run(["gazetteer", "inspect", output])
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("truncated"))
    }

    @Test func unwritableOutputExitsWithStatus1() throws {
        let result = try CLIHarness.run(["gazetteer", "compile", Self.fixture, "-o", "/nonexistent-folder/g.tpg"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent-folder/g.tpg"))
    }

    @Test func defaultPipelineFindsEntitiesWithIds() throws {
        let cache = try temporary("cache")
        var environment = ProcessInfo.processInfo.environment
        environment["TEXTPIPE_CACHE"] = cache
        let input = Data(#"{"id":"a","text":"President Vladimir Putin met officials of the World Health Organization in Geneva."}"#.utf8 + [0x0A])
        let result = try CLIHarness.run(["run"], stdin: input, environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""text":"Vladimir Putin","label":"PER","id":"tp:person/vladimir-putin""#))
        #expect(result.stdout.contains(#""text":"World Health Organization","label":"ORG""#))
        #expect(result.stdout.contains(#""text":"Geneva","label":"LOC","id":"geonames:"#))
    }
}
