import Foundation
import TestSupport
import Testing

/// `scripts/check-allocations` must not pass in CI when it cannot run.
@Suite struct CheckAllocationsScriptTests {
    func runScript(environment extra: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIHarness.repositoryRoot.appendingPathComponent("scripts/check-allocations").path]
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aMissingCorpusFailsInCI() throws {
        let result = try runScript(environment: ["CI": "1", "TEXTPIPE_CORPUS": "/nonexistent/news.jsonl"])
        #expect(result.status == 1)
        #expect(result.output.contains("FAILED"), "\(result.output)")
    }

    @Test func aMissingCorpusIsSkippedOutsideCI() throws {
        let result = try runScript(environment: ["TEXTPIPE_CORPUS": "/nonexistent/news.jsonl"])
        #expect(result.status == 0)
        #expect(result.output.contains("skipped"), "\(result.output)")
    }
}
