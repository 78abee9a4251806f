import Foundation
import TestSupport
import Testing

/// What a new user meets first: `check` shows every error with suggestions, help
/// texts say each default once, `bench` warns about figures that mean nothing, and
/// a resumed run reports only the work it did.
@Suite struct CLIExplainsItselfTests {
    func writeTemporary(_ text: String, _ name: String) throws -> String {
        let path = CLIProcess.temporaryPath(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkReportsEveryErrorWithSuggestions() throws {
        let path = try writeTemporary(
            """
            version: 1
            stagse: []
            stages:
              - use: tokenize.icuu@1
              - use: sentences.icu@1
                with: { locael: en, newlines: line }
              - use: keywords.yake@1
                with: { top: ten }
            """, "every-error.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLIHarness.run(["check", path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "textpipe: \(path):2: stagse: unknown option; did you mean 'stages'? expected one of: description, name, on_error, stages, version",
                "textpipe: \(path):4: stages[0].use: unknown stage 'tokenize.icuu@1'; did you mean 'tokenize.icu@1'? registered stages: "
                    + "external@1, keywords.rake@1, keywords.textrank@1, keywords.tfidf@1, keywords.yake@1, ner.gazetteer@1, rules.tokens@1, sentences.icu@1, tokenize.icu@1",
                "textpipe: \(path):6: stages[1].with.locael: unknown option; did you mean 'locale'? "
                    + "expected one of: abbreviations, continuations, locale, newline, reporting_verbs, salutations, starters, time_qualifiers",
                "textpipe: \(path):6: stages[1].with.newlines: unknown option; did you mean 'newline'? "
                    + "expected one of: abbreviations, continuations, locale, newline, reporting_verbs, salutations, starters, time_qualifiers",
                "textpipe: \(path):8: stages[2].with.top: expected an integer, found the string 'ten'",
                "textpipe: 5 errors in \(path)",
            ], "\(result.stderr)")
    }

    @Test func runStopsAtTheFirstErrorWithTheSameMessage() throws {
        let path = try writeTemporary("version: 1\nstages:\n  - use: tokenize.icuu@1\n  - use: nosuch@1\n", "first-error.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLIHarness.run(["run", "--pipeline", path], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):3: stages[0].use: unknown stage 'tokenize.icuu@1'; did you mean 'tokenize.icu@1'?"))
    }

    @Test func aMistypedCommandIsNamedWithTheClosestOne() throws {
        let result = try CLIHarness.run(["rnu", "articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("textpipe: unknown command 'rnu'; did you mean 'run'? commands: run, render, check"), "\(result.stderr)")
        #expect(try CLIHarness.run(["help", "run"]).status == 0)
    }

    @Test func stagesNamesTheShippedGazetteers() throws {
        let result = try CLIHarness.run(["stages"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("shipped gazetteers, named builtin:NAME in a path option: curated, misc, names, organisations, people, places"))
    }

    @Test func aValidFileStillPrintsItsTable() throws {
        let result = try CLIHarness.run(["check", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: ["run", "bench", "check", "stages", "gazetteer", "df", "bundle", "render", "install"])
    func helpSaysEachDefaultOnce(_ command: String) throws {
        let result = try CLIHarness.run(command == "df" ? ["df", "build", "--help"] : [command, "--help"])
        #expect(result.status == 0)
        // One block per option: its first line starts with "  -", continuation lines with spaces.
        let blocks = result.stdout.components(separatedBy: "\n  -").dropFirst().map { $0.split(separator: "\n").joined(separator: " ") }
        for block in blocks {
            let flattened = block.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flattened.components(separatedBy: "default:").count <= 2, "\(command) --help: \(flattened)")
            if let values = flattened.range(of: "(values: ") {
                // The parser lists the values; a help text that lists them all too says them twice.
                let listed = flattened[values.upperBound...].prefix { $0 != ";" && $0 != ")" }.components(separatedBy: ", ")
                let help = flattened[..<values.lowerBound]
                #expect(listed.count < 2 || !listed.allSatisfy(help.contains), "\(command) --help lists the values twice: \(flattened)")
            }
        }
    }

    @Test func benchWarnsThatATinySliceMeansNothing() throws {
        let result = try CLIHarness.run([
            "bench", "--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml",
            "--input", "Tests/TextPipelineCLITests/Fixtures/sample.jsonl", "--workers", "1,2", "--repeat", "1",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("textpipe: warning: the slice is 0.00 MB"), "\(result.stderr)")
        #expect(result.stderr.contains("too small for meaningful figures"))
    }

    @Test func benchWarmsUpBeforeTiming() throws {
        let arguments = [
            "bench", "--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml",
            "--input", "Tests/TextPipelineCLITests/Fixtures/sample.jsonl", "--repeat", "1", "--json",
        ]
        for (extra, expected) in [([String](), 1), (["--warmup", "2"], 2), (["--warmup", "0"], 0)] {
            let result = try CLIHarness.run(arguments + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?["warmup_runs"] as? Int == expected)
        }
    }

    @Test func aResumedRunCountsOnlyTheBytesItAnalysed() throws {
        let corpus = try writeTemporary(
            (0 ..< 30).map { #"{"id":"a\#($0)","text":"Article \#($0) says Dr. Smith met officials on Monday."}"# }
                .joined(separator: "\n") + "\n", "resume-corpus.jsonl")
        let output = CLIProcess.temporaryPath("resume-out.jsonl")
        defer { for path in [corpus, output, output + ".textpipe-resume"] { try? FileManager.default.removeItem(atPath: path) } }
        let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]
        #expect(try CLIHarness.run(["run", corpus, "-o", output] + pipeline).status == 0)
        let metrics = CLIProcess.temporaryPath("resume-metrics.json")
        defer { try? FileManager.default.removeItem(atPath: metrics) }
        let resumed = try CLIHarness.run(["run", corpus, "-o", output, "--resume", "--metrics", metrics] + pipeline)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.hasPrefix("textpipe: 0 articles, 0 errors, 0.0 MB in "), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed after 30 records"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as? [String: Any]
        #expect(report?["bytes"] as? Int == 0, "\(String(describing: report))")
    }
}
