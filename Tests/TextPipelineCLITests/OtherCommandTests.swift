import Foundation
import TestSupport
import Testing

@Suite struct OtherCommandTests {
    @Test func versionIsPrinted() throws {
        let result = try CLIHarness.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("textpipe "))
    }

    @Test func checkPrintsStagesWithRequiresAndProvides() throws {
        let result = try CLIHarness.run(["check", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tokenize.icu@1   -         tokens"))
        #expect(result.stdout.contains("sentences.icu@1  tokens    sentences"))
        #expect(result.stdout.contains("external commands: none"))
    }

    @Test func checkFailsWithStatusTwoAndALocatedMessage() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tp-bad-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "version: 1\nstages:\n  - use: tokenize.icu@1\n    with: { locale: 3.5, extra: 1 }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):4: stages[0].with.extra: unknown option"))
    }

    @Test func stagesListsOptionsAndDefaults() throws {
        let result = try CLIHarness.run(["stages"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tokenize.icu@1"))
        #expect(result.stdout.contains("newline: paragraph | line | auto (default: auto)"))  // auto added by issue 3
    }

    @Test func defaultPipelineChecks() throws {
        #expect(try CLIHarness.run(["check", "Pipelines/news-en.yaml"]).status == 0)
    }

    @Test func benchReportsRatesAndAScalingTable() throws {
        let result = try CLIHarness.run([
            "bench", "--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml",
            "--input", "Tests/TextPipelineCLITests/Fixtures/sample.jsonl", "--workers", "1,2", "--repeat", "2", "--json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["articles"] as? Int == 4)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["workers"] as? Int } == [1, 2])
        #expect(runs.allSatisfy { ($0["tokens_per_second"] as? Double ?? 0) > 0 })
    }

    @Test func benchCanTimeTheStagesAlone() throws {
        let result = try CLIHarness.run([
            "bench", "--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml",
            "--input", "Tests/TextPipelineCLITests/Fixtures/sample.jsonl", "--no-io", "--raw-icu", "--json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["includes_io"] as? Bool == false)
        #expect((object["raw_icu_mb_per_second"] as? Double ?? 0) > 0)
    }

    @Test func benchRejectsBadWorkerLists() throws {
        #expect(try CLIHarness.run(["bench", "--input", "x", "--workers", "1,zero"]).status == 2)
    }
}
