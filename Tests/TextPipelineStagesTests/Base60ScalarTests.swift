import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// Fuzz finding (`pipeline-yaml`, crash-a60ab1e6): Yams reads a plain scalar with
/// colons as a YAML 1.1 base-60 integer and traps when it overflows, so these
/// files stopped the process. Configuration now reads such a scalar as a string
/// and refuses it with a message.
@Suite struct Base60ScalarTests {
    /// 60^11 overflows Int, whatever the digits.
    static let overflowing = "1:0:0:0:0:0:0:0:0:0:0:0"

    func message(_ yaml: String) -> String {
        do {
            _ = try DocumentFixtures.pipeline(yaml, file: "p.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theFuzzedPipelineFileIsRefusedWithAMessage() {
        let fuzzed = "5:555555:5555555555555555555555:555555:55555555\n"
        #expect(message(fuzzed) == "p.yaml:1: expected a mapping with 'version' and 'stages', found the string '\(fuzzed.dropLast())'")
    }

    @Test(
        "base-60 values are strings, refused where a number is expected",
        arguments: [
            (
                "version: \(overflowing)\nstages:\n  - use: tokenize.icu@1\n",
                "p.yaml:1: version: expected an integer, found the string '\(overflowing)'"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n  - use: keywords.yake@1\n    with: { top: \(overflowing) }\n",
                "p.yaml:6: stages[2].with.top: expected an integer, found the string '\(overflowing)'"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n  - use: keywords.yake@1\n    with: { dedup: \(overflowing) }\n",
                "p.yaml:6: stages[2].with.dedup: expected a number, found the string '\(overflowing)'"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n  - use: keywords.yake@1\n    with: { top: 1:30 }\n",
                "p.yaml:6: stages[2].with.top: expected an integer, found the string '1:30'"
            ),
        ])
    func pipelineOptions(yaml: String, expected: String) {
        #expect(message(yaml) == expected)
    }

    @Test func rulesFileVersionIsRefused() {
        #expect {
            _ = try RulesTokensStage(yaml: "version: \(Self.overflowing)\nrules: []\n", file: "r.yaml")
        } throws: { "\($0)".contains("r.yaml:1: version: expected 1") }
    }
}
