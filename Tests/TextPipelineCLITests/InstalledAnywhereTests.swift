import Foundation
import TestSupport
import Testing

/// A `textpipe` copied out of the build folder, or installed under a prefix, finds its
/// default pipeline and shipped gazetteers; a pipeline file anywhere can name them with
/// `builtin:`; an installed binary's first run maps gazetteers compiled at install time.
@Suite(.serialized) struct InstalledAnywhereTests {
    let samples = CLIHarness.repositoryRoot.appendingPathComponent("samples/articles.jsonl").path

    /// A fresh folder under the temporary directory.
    func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An environment as `env -i` leaves it, plus a gazetteer cache: no PATH, no HOME, no TEXTPIPE_PIPELINES.
    func minimalEnvironment(cache: String) -> [String: String] { ["TEXTPIPE_CACHE": cache] }

    /// The output of the build's own binary on the samples, with the default pipeline.
    func expectedOutput() throws -> String {
        let result = try CLIHarness.run(["run", samples, "--workers", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aCopiedBinaryFindsItsDefaultPipelineInAMinimalEnvironment() throws {
        let folder = try temporaryFolder("copied")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("textpipe-copy")
        try FileManager.default.copyItem(at: CLIHarness.productsFolder.appendingPathComponent("textpipe"), to: copy)
        let cache = TestCache.folder ?? folder.appendingPathComponent("cache").path
        let result = try CLIHarness.run(
            ["run", samples, "--workers", "1"], directory: folder,
            environment: minimalEnvironment(cache: cache), executable: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("cannot find the default pipeline"))
        #expect(result.stdout == (try expectedOutput()))
    }

    @Test func aPipelineFileOutsideTheRepositoryNamesTheShippedGazetteers() throws {
        let folder = try temporaryFolder("pipeline-copy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("my-news.yaml")
        try FileManager.default.copyItem(at: CLIHarness.repositoryRoot.appendingPathComponent("Pipelines/news-en.yaml"), to: copy)
        let result = try CLIHarness.run(["run", samples, "--workers", "1", "--pipeline", copy.path], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try expectedOutput()))
    }

    @Test func anUnknownBuiltinGazetteerFailsNamingWhereItWasLooked() throws {
        let folder = try temporaryFolder("builtin-unknown")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.yaml")
        try """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: ner.gazetteer@1
            with: { gazetteers: ["builtin:plaices"] }
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Pipelines/gazetteers/plaices.tsv"), "\(result.stderr)")
    }

    @Test func anInstalledBinaryRunsFromItsPrefixAndItsFirstRunCompilesNothing() throws {
        let prefix = try temporaryFolder("prefix")
        let cache = try temporaryFolder("fresh-cache")
        defer { for url in [prefix, cache] { try? FileManager.default.removeItem(at: url) } }
        let install = try CLIHarness.run(["install", "--prefix", prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/textpipe")
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/textpipe/Pipelines/gazetteers/places.tsv").path))
        let compiled = try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("share/textpipe/Pipelines/compiled").path)
        #expect(compiled.contains { $0.hasSuffix(".tpg") })

        let result = try CLIHarness.run(
            ["run", samples, "--workers", "1"], directory: prefix,
            environment: minimalEnvironment(cache: cache.path), executable: installed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("compiling gazetteers"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
        #expect(result.stdout == (try expectedOutput()))
    }

    @Test func aFirstRunSaysItCompilesGazetteersAndALaterRunDoesNot() throws {
        let cache = try temporaryFolder("notice-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/formats.yaml"]
        let environment = ["TEXTPIPE_CACHE": cache.path]
        let first = try CLIHarness.run(["run", samples] + pipeline, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("textpipe: compiling gazetteers sample.tsv into \(cache.path)"), "\(first.stderr)")
        let second = try CLIHarness.run(["run", samples] + pipeline, environment: environment)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("compiling"))
        #expect(first.stdout == second.stdout)
    }
}
