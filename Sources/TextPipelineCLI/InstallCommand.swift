import ArgumentParser
import Foundation
import TextPipeline

/// `textpipe install --prefix DIR`: a copy of this executable that works without
/// the source tree, and a first run that does not wait.
///
/// Layout written under the prefix:
/// ```
/// bin/<name>                                  this executable (textpipe, or a custom build's name)
/// bin/*.resources/                            the word lists and rules its stages load (found beside it)
/// share/textpipe/Pipelines/*.yaml             the shipped pipelines (the default: news-en.yaml)
/// share/textpipe/Pipelines/gazetteers/*.tsv   the shipped gazetteer sources, `builtin:NAME` in pipeline files
/// share/textpipe/Pipelines/compiled/*.tpg     the default pipeline's gazetteers, compiled now
/// ```
/// The installed executable finds `share/textpipe/Pipelines` from its own path
/// (``ShippedData``), and maps the compiled gazetteers instead of compiling them
/// into the user's cache on its first run.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install this executable, its data and its compiled gazetteers under a prefix.",
        discussion: """
            Writes PREFIX/bin/<this executable's name> with its resource folders beside it, and \
            PREFIX/share/textpipe/Pipelines with the shipped pipelines, the gazetteer sources and the \
            default pipeline's gazetteers compiled (so the first run maps them instead of compiling them). \
            Run it again to update an install.
            """
    )

    @Option(help: "The install prefix, such as ~/.local or /usr/local.")
    var prefix: String

    func run() throws {
        guard let source = ShippedData.pipelinesFolder else {
            throw CLIFailure.configuration("install: cannot find the shipped Pipelines folder to install; set TEXTPIPE_PIPELINES to it")
        }
        let root = URL(fileURLWithPath: prefix, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let bin = root.appendingPathComponent("bin")
        let data = root.appendingPathComponent(ShippedData.installedPipelinesPath)
        try InstallCopier.replace(executable.path, with: bin.appendingPathComponent(executable.lastPathComponent))
        let folder = executable.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] where name.hasSuffix(".resources") {
            try InstallCopier.replace(folder.appendingPathComponent(name).path, with: bin.appendingPathComponent(name))
        }
        if URL(fileURLWithPath: source).resolvingSymlinksInPath().path != data.resolvingSymlinksInPath().path {
            try InstallCopier.replace(source, with: data)
        }
        let compiled = data.appendingPathComponent(ShippedData.compiledFolderName)
        try compileDefaultGazetteers(pipeline: data.appendingPathComponent(ShippedData.defaultPipelineName).path, into: compiled.path)
        FileHandle.standardError.write(Data("textpipe: installed \(bin.appendingPathComponent(executable.lastPathComponent).path) and \(data.path)\n".utf8))
    }

    /// Loads the installed default pipeline with the gazetteer cache pointed at `folder`,
    /// so its gazetteers are compiled there under the names the cache uses.
    private func compileDefaultGazetteers(pipeline: String, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let previous = ProcessInfo.processInfo.environment["TEXTPIPE_CACHE"]
        setenv("TEXTPIPE_CACHE", folder, 1)
        defer { if let previous { setenv("TEXTPIPE_CACHE", previous, 1) } else { unsetenv("TEXTPIPE_CACHE") } }
        _ = try PipelineLocator.load(pipeline, registry: CLIContext.shared.registry)
    }
}

/// Copies files and folders into an install, replacing what is there.
enum InstallCopier {
    /// Copies `source` to `target` through a temporary name beside it, then renames it into place.
    /// - Throws: ``CLIFailure`` (status 1) when the copy fails.
    static func replace(_ source: String, with target: URL) throws {
        let fileManager = FileManager.default
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fileManager.removeItem(at: temporary)
            try fileManager.copyItem(atPath: URL(fileURLWithPath: source).resolvingSymlinksInPath().path, toPath: temporary.path)
            if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
            try fileManager.moveItem(at: temporary, to: target)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw CLIFailure.io("install: cannot copy \(source) to \(target.path): \(error.localizedDescription)")
        }
    }
}
