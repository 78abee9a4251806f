import Foundation
import TestSupport
import Testing

/// `--output` is locked for the run, and `--resume` refuses an output it cannot prove it continues.
@Suite struct ResumeSafetyCLITests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    func temporaryPath(_ name: String) -> String { CLIProcess.temporaryPath(name) }

    func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    func writeCorpus(articles: Int) throws -> String {
        let path = temporaryPath("corpus.jsonl")
        let lines = (0 ..< articles).map { #"{"id":"a\#($0)","text":"Article \#($0) says Dr. Smith met officials on Monday."}"# }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: Lock

    @Test func aRunOnAnOutputAnotherRunHoldsIsRefusedAndWritesNothing() throws {
        let corpus = try writeCorpus(articles: 5)
        let output = temporaryPath("locked.jsonl")
        defer { remove(corpus, output, output + ".textpipe-resume") }
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: output))
        let holder = open(output, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        for extra in [[], ["--resume"]] {
            let result = try CLIHarness.run(["run", corpus, "-o", output] + extra + pipeline)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("another textpipe run is writing"))
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "kept\n")
        }
        flock(holder, LOCK_UN)
        #expect(try CLIHarness.run(["run", corpus, "-o", output] + pipeline).status == 0)
    }

    // MARK: Resume identity

    func completedRun(articles: Int = 20, extra: [String] = []) throws -> (corpus: String, output: String) {
        let corpus = try writeCorpus(articles: articles)
        let output = temporaryPath("out.jsonl")
        let result = try CLIHarness.run(["run", corpus, "-o", output] + extra + pipeline)
        #expect(result.status == 0, "\(result.stderr)")
        return (corpus, output)
    }

    @Test(arguments: [["--max-article-bytes", "50"], ["--on-oversize", "truncate"], ["--article-timeout", "5"], ["--emit", "tokens"]])
    func resumeRefusesAnOptionThatChangesOutput(_ option: [String]) throws {
        let (corpus, output) = try completedRun()
        defer { remove(corpus, output, output + ".textpipe-resume") }
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        let result = try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + option + pipeline)
        #expect(result.status == 2)
        #expect(result.stderr.contains("output options differ"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before)
    }

    @Test func resumeRefusesAnInputChangedAtTheSameSize() throws {
        let (corpus, output) = try completedRun()
        defer { remove(corpus, output, output + ".textpipe-resume") }
        var text = try String(contentsOfFile: corpus, encoding: .utf8)
        text = text.replacingOccurrences(of: "Article 3 says", with: "Article 3 said")
        try text.write(toFile: corpus, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline)
        #expect(result.status == 2)
        #expect(result.stderr.contains("are not those it was made from"), "\(result.stderr)")
    }

    @Test func resumeRefusesAnOutputWithMoreLinesThanTheInputHasRecords() throws {
        let (corpus, output) = try completedRun()
        defer { remove(corpus, output, output + ".textpipe-resume") }
        // Same size, one record fewer: two lines joined by a space.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: corpus)))
        let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
        bytes[newlines[17]] = 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: corpus))
        let fewer = try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline)
        #expect(fewer.status == 2)
        #expect(fewer.stderr.contains("holds the output of 20 records, but the inputs have only 19"), "\(fewer.stderr)")

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\":\"extra\"}\n".utf8))
        try handle.close()
        let more = try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline)
        #expect(more.status == 2)
        #expect(more.stderr.contains("21 complete records, more than the 20 records"), "\(more.stderr)")
    }

    @Test func resumeRefusesAnOutputMadeByAnotherVersion() throws {
        let (corpus, output) = try completedRun()
        let sidecar = output + ".textpipe-resume"
        defer { remove(corpus, output, sidecar) }
        let edited = try String(contentsOfFile: sidecar, encoding: .utf8).replacingOccurrences(of: "\"textpipe_version\":\"", with: "\"textpipe_version\":\"9")
        try edited.write(toFile: sidecar, atomically: false, encoding: .utf8)
        let result = try CLIHarness.run(["run", corpus, "-o", output, "--resume"] + pipeline)
        #expect(result.status == 2)
        #expect(result.stderr.contains("it was made by textpipe 9"), "\(result.stderr)")
    }

    @Test func resumeRefusesAnEditedGazetteer() throws {
        let folder = temporaryPath("gazetteer")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { remove(folder) }
        let tsv = folder + "/names.tsv"
        try FileManager.default.copyItem(
            atPath: CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/gazetteer/sample.tsv").path, toPath: tsv)
        let pipelineFile = folder + "/ner.yaml"
        try """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: ner.gazetteer@1
            with: { gazetteers: [names.tsv] }
        """.write(toFile: pipelineFile, atomically: true, encoding: .utf8)
        let corpus = try writeCorpus(articles: 5)
        let output = folder + "/out.jsonl"
        defer { remove(corpus) }
        var environment = ProcessInfo.processInfo.environment
        environment["TEXTPIPE_CACHE"] = folder + "/cache"
        let first = try CLIHarness.run(["run", corpus, "-o", output, "--pipeline", pipelineFile], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: tsv))
        handle.seekToEndOfFile()
        handle.write(Data("Dr. Smith\tPERSON\t\n".utf8))
        try handle.close()
        let result = try CLIHarness.run(["run", corpus, "-o", output, "--resume", "--pipeline", pipelineFile], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("resources changed"), "\(result.stderr)")
    }
}
