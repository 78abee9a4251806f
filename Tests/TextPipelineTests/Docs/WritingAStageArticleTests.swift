import Foundation
import Testing

/// The DocC article *Writing a stage* opens with a whole stage. That stage is compiled and run by
/// `scripts/check-examples` from `Examples/CustomStage`; these tests keep the article's copy (and the
/// one in docs/plugins.md) equal to it.
@Suite struct WritingAStageArticleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The body of the first ```` ```swift ```` block of `markdown`, with its final newline.
    static func firstSwiftBlock(of markdown: String) -> String? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```swift" }),
            let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```" })
        else { return nil }
        return lines[(open + 1) ..< close].map { $0 + "\n" }.joined()
    }

    @Test func firstSwiftBlockIsTheCompiledExampleStageWhole() throws {
        let article = try String(contentsOf: Self.repository.appendingPathComponent("Sources/TextPipeline/TextPipeline.docc/WritingAStage.md"), encoding: .utf8)
        let stage = try String(
            contentsOf: Self.repository.appendingPathComponent("Examples/CustomStage/Sources/textpipe-custom/ShoutCountStage.swift"), encoding: .utf8)
        let block = try #require(Self.firstSwiftBlock(of: article), "the article has no swift code block")
        #expect(block == stage, "the first swift block of WritingAStage.md differs from Examples/CustomStage/Sources/textpipe-custom/ShoutCountStage.swift")
    }

    @Test func docsPluginsShowsTheSameStage() throws {
        let plugins = try String(contentsOf: Self.repository.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        let stage = try String(
            contentsOf: Self.repository.appendingPathComponent("Examples/CustomStage/Sources/textpipe-custom/ShoutCountStage.swift"), encoding: .utf8)
        let body = stage.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("struct ") }.joined(separator: "\n")
        #expect(Self.firstSwiftBlock(of: plugins) == body, "docs/plugins.md's first swift block differs from the example stage from 'struct' on")
    }

    @Test func theExampleStageIsAboutTenLines() throws {
        let stage = try String(
            contentsOf: Self.repository.appendingPathComponent("Examples/CustomStage/Sources/textpipe-custom/ShoutCountStage.swift"), encoding: .utf8)
        let body = stage.split(separator: "\n").drop { !$0.hasPrefix("struct ") }
        #expect(body.count <= 12, "the minimal stage grew to \(body.count) lines")
    }
}
