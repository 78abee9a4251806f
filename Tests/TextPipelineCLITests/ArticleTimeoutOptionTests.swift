import Foundation
import TestSupport
import Testing

/// `--article-timeout` is checked when the command line is parsed: before the
/// fix `inf` and `1e16` crashed the process (SIGILL) and values under a
/// millisecond silently became 0 ms, so every article timed out.
@Suite struct ArticleTimeoutOptionTests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]
    let article = Data(#"{"id":"a","text":"One sentence. Two."}"#.utf8 + [0x0A])

    @Test(
        "time limits that are not a usable number of seconds are usage errors",
        arguments: ["inf", "1e16", "nan", "0", "-1", "0.0001", "86401"])
    func unusableTimeout(value: String) throws {
        let result = try CLIHarness.run(["run", "--article-timeout=\(value)"] + pipeline, stdin: article)
        #expect(result.status == 2, "\(value): \(result.stderr)")
        #expect(result.stderr.contains("--article-timeout must be"), "\(value): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("usable time limits run", arguments: ["0.001", "0.5", "30", "86400"])
    func usableTimeout(value: String) throws {
        let result = try CLIHarness.run(["run", "--article-timeout", value] + pipeline, stdin: article)
        #expect(result.status == 0, "\(value): \(result.stderr)")
        #expect(result.lines.count == 1)
    }
}
