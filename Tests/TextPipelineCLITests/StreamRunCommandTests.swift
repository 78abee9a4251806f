import Foundation
import TestSupport
import Testing

/// The stream engine through `textpipe run`: resume, limits, failures, metrics.
@Suite struct StreamRunCommandTests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(UUID().uuidString)-\(name)").path
    }

    /// A corpus big enough that a run can be killed partway.
    func writeCorpus(articles: Int) throws -> String {
        let path = temporaryPath("corpus.jsonl")
        var text = ""
        text.reserveCapacity(articles * 160)
        for index in 0 ..< articles {
            text += #"{"id":"a\#(index)","text":"Article \#(index) says Dr. Smith met officials. Prices rose \#(index % 97).5% on Monday! Really?"}"#
            text += "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func killedRunResumesToIdenticalOutput() throws {
        let corpus = try writeCorpus(articles: 150_000)
        let reference = temporaryPath("reference.jsonl")
        let resumed = temporaryPath("resumed.jsonl")
        defer {
            for path in [corpus, reference, resumed, resumed + ".textpipe-resume", reference + ".textpipe-resume"] {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        #expect(try CLIHarness.run(["run", corpus, "-o", reference, "--workers", "2"] + pipeline).status == 0)

        let process = Process()
        process.executableURL = CLIHarness.productsFolder.appendingPathComponent("textpipe")
        process.arguments = ["run", corpus, "-o", resumed, "--workers", "2"] + pipeline
        process.currentDirectoryURL = CLIHarness.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: resumed)[.size] as? Int) ?? 0) < 300_000 {
            usleep(2000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try Data(contentsOf: URL(fileURLWithPath: resumed))
        let full = try Data(contentsOf: URL(fileURLWithPath: reference))
        #expect(partial.count > 0)
        #expect(partial.count < full.count, "the run finished before it could be killed")

        let result = try CLIHarness.run(["run", corpus, "-o", resumed, "--workers", "2", "--resume"] + pipeline)
        #expect(result.status == 0)
        #expect(result.stderr.contains("resumed after"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == full)
    }

    @Test func resumeDropsAPartialLastLineAndRefusesADifferentRun() throws {
        let corpus = try writeCorpus(articles: 20)
        let output = temporaryPath("out.jsonl")
        defer { for path in [corpus, output, output + ".textpipe-resume"] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try CLIHarness.run(["run", corpus, "-o", output] + pipeline).status == 0)
        let complete = try Data(contentsOf: URL(fileURLWithPath: output))
        let lines = complete.split(separator: 0x0A, omittingEmptySubsequences: false)
        var cut = Data(lines.prefix(7).joined(separator: [0x0A]))
        cut.append(0x0A)
        cut.append(contentsOf: lines[7].prefix(10))
        try cut.write(to: URL(fileURLWithPath: output))
        #expect(try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == complete)

        let other = try CLIHarness.run(["run", corpus, "-o", output, "--resume", "--offsets", "utf16"] + pipeline)
        #expect(other.status == 2)
        #expect(other.stderr.contains("cannot resume"))
        #expect(other.stderr.contains("output options differ"))
        let otherPipeline = try CLIHarness.run(["run", corpus, "-o", output, "--resume"])
        #expect(otherPipeline.status == 2)
        #expect(otherPipeline.stderr.contains("pipeline file changed"))
    }

    @Test func resumeOfAMissingOutputStartsFresh() throws {
        let corpus = try writeCorpus(articles: 3)
        let output = temporaryPath("fresh.jsonl")
        defer { for path in [corpus, output, output + ".textpipe-resume"] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline).status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 3)
    }

    @Test func resumeNeedsAnOutputFile() throws {
        #expect(try CLIHarness.run(["run", "--resume"] + pipeline).status == 2)
    }

    @Test func closedOutputPipeEndsTheRunWithStatusOne() throws {
        let corpus = try writeCorpus(articles: 50_000)
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let binary = CLIHarness.productsFolder.appendingPathComponent("textpipe").path
        let process = Process()
        // bash, for PIPESTATUS: the status of textpipe, whose reader (head) quits early.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "'\(binary)' run '\(corpus)' \(pipeline.joined(separator: " ")) 2>'\(corpus).err' | head -c 100 > /dev/null; exit ${PIPESTATUS[0]}",
        ]
        process.currentDirectoryURL = CLIHarness.repositoryRoot
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: corpus + ".err") }
        #expect(process.terminationStatus == 1)
        #expect(try String(contentsOfFile: corpus + ".err", encoding: .utf8).contains("the reader closed the pipe"))
    }

    @Test func oversizedArticleThroughTheCLI() throws {
        let input = Data((#"{"id":"big","text":""# + String(repeating: "a", count: 2000) + "\"}\n" + #"{"id":"ok","text":"Fine."}"# + "\n").utf8)
        let refused = try CLIHarness.run(["run", "--max-article-bytes", "1000"] + pipeline, stdin: input)
        #expect(refused.status == 0)
        #expect(refused.lines.count == 2)
        #expect(refused.lines[0].contains(#""kind":"oversized""#))
        let truncated = try CLIHarness.run(["run", "--max-article-bytes", "1000", "--on-oversize", "truncate"] + pipeline, stdin: input)
        #expect(truncated.lines[0].contains(#""warnings":["text truncated from 2000 to 1000 bytes"#))
    }

    @Test func metricsFileRecordsVersionHashAndStages() throws {
        let metrics = temporaryPath("metrics.json")
        defer { try? FileManager.default.removeItem(atPath: metrics) }
        let result = try CLIHarness.run(["run", "--metrics", metrics, "--workers", "2"] + pipeline, stdin: Data(#"{"id":1,"text":"One. Two."}"#.utf8))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        #expect(object["textpipe_version"] as? String != nil)
        #expect(((object["pipeline"] as? [String: Any])?["hash"] as? String)?.count == 16)
        #expect(object["articles"] as? Int == 1)
        #expect(object["workers"] as? Int == 2)
        #expect((object["stages"] as? [[String: Any]])?.map { $0["id"] as? String } == ["tokenize.icu@1", "sentences.icu@1"])
    }

    @Test func badWorkerCountIsAUsageError() throws {
        #expect(try CLIHarness.run(["run", "--workers", "0"] + pipeline).status == 2)
    }
}
