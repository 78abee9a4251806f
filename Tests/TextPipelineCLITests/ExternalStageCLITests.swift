import Foundation
import TestSupport
import Testing

/// `external@1` through the real command line, with several workers.
@Suite struct ExternalStageCLITests {
    func pipelineFile(timeout: Double = 2) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tp-external-\(UUID().uuidString).yaml").path
        let script = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/misbehaving_stage.py").path
        try """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: external@1
            with: { name: misbehaving, command: [python3, "\(script)"], attributes: [length], timeout: \(timeout) }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func crashHangAndGarbageCostOneErrorRecordEachAndTheRunFinishes() throws {
        let path = try pipelineFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let texts = ["one", "CRASH now", "two", "three", "HANG now", "four", "GARBAGE now", "five", "six", "seven"]
        let input = texts.enumerated().map { #"{"id": "a\#($0.offset)", "text": "\#($0.element)"}"# }.joined(separator: "\n") + "\n"
        let started = Date()
        let result = try CLIHarness.run(["run", "--pipeline", path, "--workers", "2"], stdin: Data(input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        let records = try result.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.map { $0["id"] as? String } == texts.indices.map { "a\($0)" })
        let errors = records.compactMap { $0["error"] as? [String: Any] }
        #expect(errors.count == 3)
        for (index, record) in records.enumerated() {
            let text = texts[index]
            let error = record["error"] as? [String: Any]
            let message = error?["message"] as? String ?? ""
            if text.hasPrefix("CRASH") {
                #expect(error?["kind"] as? String == "stage_failed")
                #expect(message.contains("exited with status 3"), "\(message)")
            } else if text.hasPrefix("HANG") {
                #expect(error?["kind"] as? String == "timeout")
            } else if text.hasPrefix("GARBAGE") {
                #expect(error?["kind"] as? String == "stage_failed")
                #expect(message.contains("this is not json"), "\(message)")
            } else {
                let attributes = record["attributes"] as? [String: Any]
                #expect(attributes?["length"] as? Int == text.count, "record \(index): \(record)")
            }
            if error != nil { #expect(error?["stage"] as? String == "external@1") }
        }
    }

    /// A handshake naming another stage is found before anything is written: status 2, no output file.
    @Test func aWrongHandshakeNameStopsTheRunAtStartUp() throws {
        let path = try pipelineFile()
        let script = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/misbehaving_stage.py").path
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"\(script)\"]", with: "\"\(script)\", impostor]")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = path + ".out.jsonl"
        defer { for file in [path, output] { try? FileManager.default.removeItem(atPath: file) } }
        let input = (0 ..< 50).map { #"{"id": "a\#($0)", "text": "x"}"# }.joined(separator: "\n") + "\n"
        let result = try CLIHarness.run(["run", "--pipeline", path, "-o", output], stdin: Data(input.utf8))
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains("stages[1]") && result.stderr.contains("calls itself 'impostor', the pipeline expects 'misbehaving'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A stage that crashes on every article costs a few starts, then the rest get error records at once.
    @Test func aStageCrashingOnEveryArticleIsGivenUp() throws {
        let path = try pipelineFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = (0 ..< 100).map { #"{"id": "a\#($0)", "text": "CRASH \#($0)"}"# }.joined(separator: "\n") + "\n"
        let started = Date()
        let result = try CLIHarness.run(["run", "--pipeline", path, "--workers", "2"], stdin: Data(input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 100)
        #expect(result.lines.allSatisfy { $0.contains(#""kind":"stage_failed""#) })
        // Each worker starts at most three processes (and the start-up check one).
        #expect(result.lines.filter { $0.contains("gave up on the stage") }.count >= 94)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func checkListsTheCommandsAPipelineWouldRun() throws {
        let result = try CLIHarness.run(["check", "Examples/mixed-pipeline.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("external commands:\n  external@1: python3 external-stage/news_facts.py"))
    }

    @Test func mixedPipelineRunsOverCorpusArticlesWithoutErrors() throws {
        let corpus = CLIHarness.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/corpus/news.jsonl")
        let input: Data
        let fromCorpus = FileManager.default.fileExists(atPath: corpus.path)
        if let handle = FileHandle(forReadingAtPath: corpus.path) {
            defer { try? handle.close() }
            let head = handle.readData(ofLength: 400_000)
            input = head.prefix(through: head.lastIndex(of: 0x0A) ?? head.startIndex)
        } else {
            input = try Data(contentsOf: CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/sample.jsonl"))
        }
        let result = try CLIHarness.run(["run", "--pipeline", "Examples/mixed-pipeline.yaml", "--workers", "2"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.lines.isEmpty)
        #expect(!result.stdout.contains("\"error\":"))
        #expect(result.lines.allSatisfy { $0.contains("\"quotes\":[") && $0.contains("\"tickers\":[") })
        if fromCorpus {  // Reuters articles are full of amounts and tickers
            #expect(result.stdout.contains("\"money\":[{"))
            #expect(result.stdout.contains("\"tickers\":[{"))
        }
        #expect(result.lines.allSatisfy { $0.contains("\"facts\":{") })
    }
}
