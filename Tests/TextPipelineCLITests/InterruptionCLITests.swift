import Foundation
import TestSupport
import Testing

/// A slow record and SIGTERM: finished records reach the file, and a signal stops the run cleanly.
@Suite struct InterruptionCLITests {
    func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    func temporaryPath(_ name: String) -> String { CLIProcess.temporaryPath(name) }

    func externalPipeline() throws -> String {
        let path = temporaryPath("external.yaml")
        let script = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/misbehaving_stage.py").path
        try """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: external@1
            with: { name: misbehaving, command: [python3, "\(script)"], attributes: [length], timeout: 120 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A record that runs for minutes holds back neither the records before it (they reach
    /// the file within about a second) nor a SIGTERM (the run stops, its child process ends).
    @Test func recordsBeforeASlowOneReachTheFileAndSIGTERMEndsTheChildren() throws {
        let pipelineFile = try externalPipeline()
        let input = temporaryPath("slow.jsonl")
        let output = temporaryPath("slow-out.jsonl")
        defer { remove(pipelineFile, input, output, output + ".textpipe-resume") }
        let texts = ["PID please", "one", "two", "HANG now", "three"]
        try texts.enumerated().map { #"{"id":"s\#($0.offset)","text":"\#($0.element)"}"# }.joined(separator: "\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let process = try CLIProcess.start(["run", input, "-o", output, "--workers", "1", "--pipeline", pipelineFile])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, CLIProcess.completeLines(of: output).count < 3 { usleep(50_000) }
        let written = CLIProcess.completeLines(of: output)
        #expect(written.count == 3, "lines on disk while the slow record runs: \(written.count)")
        guard written.count == 3, process.isRunning,
            let first = try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any],
            let child = (first["attributes"] as? [String: Any])?["length"] as? Int
        else { Issue.record("no child process id in \(written)"); return }
        #expect(CLIProcess.isAlive(Int32(child)))

        kill(process.processIdentifier, SIGTERM)
        let stopDeadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < stopDeadline { usleep(20_000) }
        #expect(!process.isRunning)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + SIGTERM)
        let stopped = Date().addingTimeInterval(5)
        while CLIProcess.isAlive(Int32(child)), Date() < stopped { usleep(20_000) }
        #expect(!CLIProcess.isAlive(Int32(child)), "the external stage's process \(child) is still running")
        #expect(CLIProcess.completeLines(of: output) == written)
    }
}
