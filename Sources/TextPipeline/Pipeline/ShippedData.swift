import Foundation

/// The data shipped with textpipe: the `Pipelines` folder holding the default
/// pipeline `news-en.yaml` and the gazetteer sources in `gazetteers/`, and the
/// gazetteers compiled at install time.
///
/// The folder is found, in order:
/// 1. `$TEXTPIPE_PIPELINES`, when the variable is set (and then only there);
/// 2. walking up from the executable's real path: `Pipelines/` (a source checkout running
///    `.build/release/textpipe`) or `share/textpipe/Pipelines/` (an install under a prefix,
///    `textpipe install --prefix DIR`);
/// 3. the source checkout this module was compiled from, when it still exists: a binary
///    copied out of the build folder (or a custom build such as `textpipe-custom`) on the
///    machine that built it.
///
/// A folder counts only when it holds `news-en.yaml`. Nothing is embedded in the binary:
/// the gazetteer sources are 8 MB and their compiled form 40 MB, which would go into
/// every test and custom-stage executable too.
public enum ShippedData {
    /// The file name of the default pipeline.
    public static let defaultPipelineName = "news-en.yaml"
    /// The prefix that names a shipped gazetteer in a pipeline file: `builtin:places`.
    public static let builtinScheme = "builtin:"
    /// Where the shipped folder sits under an install prefix.
    public static let installedPipelinesPath = "share/textpipe/Pipelines"
    /// The folder, beside `gazetteers/`, of gazetteers compiled at install time
    /// (files named like those of the cache); read-only, looked up before the cache.
    public static let compiledFolderName = "compiled"

    /// The shipped `Pipelines` folder, or nil when none is found. Looked up once per process.
    public static let pipelinesFolder: String? = locatePipelinesFolder()

    /// The default pipeline file, or nil when no shipped folder is found.
    public static var defaultPipeline: String? {
        pipelinesFolder.map { $0 + "/" + defaultPipelineName }
    }

    /// The folder of gazetteers compiled at install time, when it exists.
    public static var compiledGazetteersFolder: String? {
        guard let folder = pipelinesFolder.map({ $0 + "/" + compiledFolderName }) else { return nil }
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }

    /// The names `builtin:` accepts: the TSV files of the shipped `gazetteers/` folder, sorted.
    public static var builtinGazetteers: [String] {
        guard let folder = pipelinesFolder,
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder + "/gazetteers")
        else { return [] }
        return files.filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// `builtin:NAME` → `<shipped folder>/gazetteers/NAME.tsv`; nil for any other path.
    /// A name without a shipped folder resolves to a path under `<no shipped data>` that
    /// does not exist, so reading it fails naming the path.
    public static func resolveBuiltin(_ path: String) -> String? {
        guard path.hasPrefix(builtinScheme) else { return nil }
        let name = String(path.dropFirst(builtinScheme.count))
        let folder = pipelinesFolder ?? "<no shipped data folder: set TEXTPIPE_PIPELINES>"
        return folder + "/gazetteers/" + name + ".tsv"
    }

    static func locatePipelinesFolder() -> String? {
        let fileManager = FileManager.default
        func holdsDefault(_ folder: String) -> Bool { fileManager.fileExists(atPath: folder + "/" + defaultPipelineName) }
        if let folder = ProcessInfo.processInfo.environment["TEXTPIPE_PIPELINES"] {
            return holdsDefault(folder) ? URL(fileURLWithPath: folder).standardizedFileURL.path : nil
        }
        let executable = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            for candidate in ["Pipelines", installedPipelinesPath] {
                let path = folder.appendingPathComponent(candidate).path
                if holdsDefault(path) { return path }
            }
            folder = folder.deletingLastPathComponent()
        }
        let checkout = sourceCheckout + "/Pipelines"
        return holdsDefault(checkout) ? checkout : nil
    }

    /// The package root this file was compiled in: `<root>/Sources/TextPipeline/Pipeline/ShippedData.swift`.
    static var sourceCheckout: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }
}
