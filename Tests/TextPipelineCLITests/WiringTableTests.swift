import Foundation
import TestSupport
import Testing

/// `textpipe check` and `textpipe stages` show what each stage requires, provides and rewrites,
/// read from the stage types' declarations.
@Suite struct WiringTableTests {
    @Test func checkShowsTheLayersTheGazetteerStageRewrites() throws {
        let result = try CLIHarness.run(["check", "Pipelines/news-en.yaml"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("#") })
        #expect(header.split(separator: " ", omittingEmptySubsequences: true) == ["#", "stage", "requires", "provides", "rewrites"])
        let ner = try #require(lines.first { $0.contains("ner.gazetteer@1") })
        #expect(ner.hasSuffix("tokens, sentences"), "\(ner)")
        let tokenizer = try #require(lines.first { $0.contains("tokenize.icu@1") })
        #expect(tokenizer.hasSuffix("-"), "\(tokenizer)")
    }

    @Test func stagesListsRewritesBesideRequiresAndProvides() throws {
        let result = try CLIHarness.run(["stages"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  requires: tokens   provides: entities   rewrites: tokens, sentences\n"))
        #expect(result.stdout.contains("  requires: -   provides: tokens\n"))
    }
}
