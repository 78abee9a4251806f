import ArgumentParser
import Foundation
import TextPipeline

/// `textpipe bundle`: one relocatable archive that runs a pipeline on a machine
/// without Swift (a Spark executor, a container), described in docs/spark.md.
///
/// Archive layout (files at the root, as `spark-submit --archives` expects):
/// ```
/// textpipe                                 the binary (Swift runtime linked statically, RUNPATH $ORIGIN/lib)
/// TextPipeline_TextPipelineStages.resources/  built-in word lists and rules, found beside the binary
/// lib/                                     ICU, zlib and the other shared libraries glibc does not provide
/// pipeline/<name>.yaml, pipeline/...       the pipeline and every file it names, gazetteers compiled
/// manifest.json, SHA256SUMS                versions, sizes and checksums
/// ```
/// The binary must be built with `--static-swift-stdlib` and
/// `-Xlinker -rpath -Xlinker '$ORIGIN/lib'` (scripts/make-bundle does both);
/// the command checks the copy with `ldd` and refuses a binary that would
/// need the Swift toolchain or a library outside the bundle.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write a relocatable archive: the textpipe binary, its libraries, a pipeline and its compiled resources.",
        discussion:
            "Build the binary with scripts/make-bundle (static Swift runtime, RUNPATH $ORIGIN/lib). Run the unpacked bundle as ./textpipe run --pipeline pipeline/<name>.yaml. See docs/spark.md."
    )

    @Option(help: "The pipeline to bundle (default: news-en.yaml of the shipped data).")
    var pipeline: String?

    @Option(name: [.short, .long], help: "The archive to write.")
    var output = "textpipe-bundle.tar.gz"

    @Option(help: "The textpipe binary to bundle (default: this executable).")
    var binary: String?

    func run() throws {
        let source = binary ?? ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let pipelineFile = pipeline ?? PipelineLocator.defaultPipelinePath() ?? PipelineLocator.defaultName
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)

        let written = try BundlePipelineWriter(registry: CLIContext.shared.registry).write(pipelineFile: pipelineFile, into: staging)
        let libraries = try BundleBinary.stage(binary: source, into: staging)
        var manifest = BundleManifest(
            pipeline: written.pipelinePath, pipelineName: written.name,
            pipelineHash: try PipelineLocator.load(
                staging.appendingPathComponent(written.pipelinePath).path,
                registry: CLIContext.shared.registry
            ).hash,
            libraries: libraries, glibc: try BundleLibraries.glibcVersion(), architecture: BundleBinary.architecture,
            externalCommands: written.externalCommands, files: [])
        manifest.files = try BundleManifest.checksums(under: staging)
        try Data(manifest.files.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8).write(to: staging.appendingPathComponent("SHA256SUMS"))
        try manifest.encoded().write(to: staging.appendingPathComponent("manifest.json"))
        try BundleBinary.archive(staging, to: output)
        report(manifest, externalCommands: written.externalCommands)
    }

    private func report(_ manifest: BundleManifest, externalCommands: [[String]]) {
        let size = ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0
        var lines = [
            "textpipe: wrote \(output) (\(String(format: "%.1f", Double(size) / 1e6)) MB, \(manifest.files.count + 2) files): pipeline \(manifest.pipeline), libraries \(manifest.libraries.joined(separator: ", "))"
        ]
        lines += externalCommands.map { "textpipe: warning: external command \($0.joined(separator: " ")) runs outside the bundle; install it on every node" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
