import Foundation
import TestSupport
import Testing
import TextPipelineStages

@testable import TextPipelineCLI

/// A pipeline naming shipped gazetteers with `builtin:` bundles them compiled,
/// and the bundle runs without the shipped data folder.
@Suite struct BundleBuiltinGazetteerTests {
    @Test func builtinGazetteersAreCompiledIntoTheBundle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-bundle-builtin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("conf")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let pipeline = source.appendingPathComponent("builtin.yaml")
        try """
        version: 1
        name: builtin-fixture
        stages:
          - use: tokenize.icu@1
          - use: ner.gazetteer@1
            with: { gazetteers: ["builtin:curated"], rules: none }
        """.write(to: pipeline, atomically: true, encoding: .utf8)
        let input = Data(#"{"id":"a","text":"The Bank of Norland said so in Port Elwin."}"#.utf8 + [0x0A])
        let expected = try CLIHarness.run(["run", "--pipeline", pipeline.path], stdin: input)
        #expect(expected.status == 0, "\(expected.stderr)")

        let root = folder.appendingPathComponent("bundle")
        let written = try BundlePipelineWriter(registry: .builtin).write(pipelineFile: pipeline.path, into: root)
        let yaml = try String(contentsOf: root.appendingPathComponent(written.pipelinePath), encoding: .utf8)
        #expect(yaml.contains("gazetteers: [gazetteers/0-curated.tpg]"), "\(yaml)")
        #expect(!yaml.contains("builtin:"))

        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let elsewhere = folder.appendingPathComponent("no-shipped-data")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bundled = try CLIHarness.run(
            ["run", "--pipeline", root.appendingPathComponent(written.pipelinePath).path], stdin: input,
            environment: ["TEXTPIPE_CACHE": cache.path, "TEXTPIPE_PIPELINES": elsewhere.path])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(bundled.stdout == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
    }
}
