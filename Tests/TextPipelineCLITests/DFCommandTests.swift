import Foundation
import TestSupport
import Testing
import TextPipelineStages

/// `textpipe df build`: counts document frequencies and writes a table the tfidf stage loads.
@Suite struct DFCommandTests {
    static var corpus: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/df-corpus.jsonl").path }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kw-cli-\(UUID().uuidString).tpdf").path
    }

    @Test func buildsATableTheStageLoads() throws {
        let output = temporaryPath()
        let result = try CLIHarness.run(["df", "build", Self.corpus, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 articles (0 skipped)"))
        let table = try DocumentFrequencyTable(path: output)
        #expect(table.documents == 3)
        #expect(table.frequency(of: "bank") == 2)
        #expect(table.frequency(of: "quiet") == 1)
        let pipeline = FileManager.default.temporaryDirectory.appendingPathComponent("kw-cli-\(UUID().uuidString).yaml")
        try """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: sentences.icu@1
          - use: keywords.tfidf@1
            with: { df: \(output), max_words: 1 }
        """.write(to: pipeline, atomically: true, encoding: .utf8)
        let run = try CLIHarness.run(["run", "--pipeline", pipeline.path, "-"], stdin: Data(#"{"id": "q", "text": "A quiet bank. A quiet day."}"#.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""keywords":[{"text":"quiet""#), "\(run.stdout)")
    }

    @Test func errors() throws {
        let missing = try CLIHarness.run(["df", "build", "/nonexistent/corpus.jsonl", "-o", temporaryPath()])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
        let noOutput = try CLIHarness.run(["df", "build", Self.corpus])
        #expect(noOutput.status == 2)
        let unwritable = try CLIHarness.run(["df", "build", Self.corpus, "-o", "/nonexistent/folder/table.tpdf"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write"))
    }
}
