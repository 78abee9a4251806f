import Foundation
import TestSupport
import Testing
import TextPipelineStages

@testable import TextPipelineCLI

/// `textpipe bundle`: the pipeline part (files copied, gazetteers compiled, paths
/// rewritten) and the binary checks. The whole archive needs a static release
/// build and is checked by scripts/check-bundle.
@Suite struct BundleCommandTests {
    static let resources = CLIHarness.repositoryRoot.appendingPathComponent("Sources/TextPipelineStages/Resources")

    func temporary(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-bundle-\(UUID().uuidString)/\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A pipeline in `folder/conf` naming files in `folder/conf` and `folder/data` (a sibling).
    func writeSourcePipeline(in folder: URL) throws -> URL {
        let conf = folder.appendingPathComponent("conf")
        let data = folder.appendingPathComponent("data")
        for sub in [conf, data] { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
        let gazetteer = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/gazetteer/sample.tsv")
        try FileManager.default.copyItem(at: gazetteer, to: data.appendingPathComponent("people.tsv"))
        try "Pyongyang Times\tORG\ttp:org/pyongyang-times\n".write(to: conf.appendingPathComponent("extra.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.resources.appendingPathComponent("ner/rules-en.txt"), to: data.appendingPathComponent("rules.txt"))
        try FileManager.default.copyItem(
            at: Self.resources.appendingPathComponent("sentences/abbreviations-en.txt"), to: conf.appendingPathComponent("abbreviations.txt"))
        try "said\nthe\nin\n".write(to: data.appendingPathComponent("stop.txt"), atomically: true, encoding: .utf8)
        let yaml = """
            version: 1
            name: bundled-fixture
            stages:
              - use: tokenize.icu@1
              - use: sentences.icu@1
                with: { abbreviations: { file: abbreviations.txt } }
              - use: ner.gazetteer@1
                with: { gazetteers: [../data/people.tsv, extra.tsv], rules: ../data/rules.txt, cache: cache-folder }
              - use: keywords.yake@1
                with: { stop_words: \(data.appendingPathComponent("stop.txt").path) }
            """
        let file = conf.appendingPathComponent("fixture.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func bundledPipelineRunsAloneWithoutACacheAndGivesTheSameOutput() throws {
        let source = try temporary("source")
        let pipeline = try writeSourcePipeline(in: source)
        let input = Data(#"{"id":"a","text":"Kim Jong Un said the Pyongyang Times reported it in Pyongyang. Dr. Lee agreed."}"#.utf8 + [0x0A])
        let sourceCache = try temporary("source-cache")
        let expected = try CLIHarness.run(
            ["run", "--pipeline", pipeline.path], stdin: input,
            environment: ["TEXTPIPE_CACHE": sourceCache.path])
        #expect(expected.status == 0)
        #expect(expected.stdout.contains("tp:org/pyongyang-times"))

        let root = try temporary("bundle")
        let written = try BundlePipelineWriter(registry: .builtin).write(pipelineFile: pipeline.path, into: root)
        #expect(written.pipelinePath == "pipeline/fixture.yaml")
        #expect(written.name == "bundled-fixture")
        let yaml = try String(contentsOf: root.appendingPathComponent(written.pipelinePath), encoding: .utf8)
        #expect(yaml.contains("gazetteers: [gazetteers/0-people.tpg]"))
        #expect(!yaml.contains("cache"))
        #expect(!yaml.contains("..") && !yaml.contains(source.path))
        try FileManager.default.removeItem(at: source.deletingLastPathComponent())

        let cache = try temporary("bundle-cache")
        let bundled = try CLIHarness.run(
            ["run", "--pipeline", root.appendingPathComponent(written.pipelinePath).path], stdin: input,
            environment: ["TEXTPIPE_CACHE": cache.path, "HOME": cache.path])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(bundled.stdout == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty, "the bundle compiled into a cache")
    }

    @Test func missingFileNamedByThePipelineFailsWithStatus2() throws {
        let folder = try temporary("missing")
        let file = folder.appendingPathComponent("p.yaml")
        try "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: keywords.tfidf@1\n    with: { df: nowhere.df }\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["bundle", "--pipeline", file.path, "-o", folder.appendingPathComponent("b.tar.gz").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("p.yaml"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.tar.gz").path))
    }

    @Test func binaryLinkingTheSwiftRuntimeDynamicallyIsRefused() throws {
        // The test build links libswiftCore.so: exactly what a bundle must not carry.
        let folder = try temporary("dynamic")
        let pipeline = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml").path
        let result = try CLIHarness.run(["bundle", "--pipeline", pipeline, "-o", folder.appendingPathComponent("b.tar.gz").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--static-swift-stdlib"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.tar.gz").path))
    }

    @Test func lddOutputIsParsedAndGlibcStaysOnTheNode() {
        let output = """
            \tlinux-vdso.so.1 (0x00007ffd)
            \tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f)
            \tlibicuuc.so.72 => /lib/x86_64-linux-gnu/libicuuc.so.72 (0x00007f)
            \tlibz.so.1 => not found
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f)
            """
        let dependencies = BundleLibraries.parse(output)
        #expect(dependencies.count == 6)
        #expect(dependencies.contains(.init(name: "libz.so.1", path: nil)))
        #expect(BundleLibraries.toBundle(dependencies).map(\.name) == ["libicuuc.so.72", "libz.so.1"])
        #expect(BundleLibraries.isSwiftRuntime("libswiftCore.so") && !BundleLibraries.isSwiftRuntime("libicuuc.so.72"))
    }
}
