import Foundation
import TextPipeline

/// `manifest.json` at the root of a bundle: what it holds and how to run it.
///
/// Format 1. Paths are relative to the bundle root. `files` lists every other
/// file of the bundle with its size and SHA-256 (the same sums are in
/// `SHA256SUMS`, for `sha256sum -c SHA256SUMS`).
struct BundleManifest: Codable {
    struct File: Codable {
        let path: String
        let bytes: Int
        let sha256: String
    }

    var format = 1
    var textpipeVersion = TextPipelineVersion.current
    var outputSchema = TextPipelineVersion.outputSchema
    /// The command a node runs: `<bundle>/textpipe run --pipeline <bundle>/<pipeline>`.
    var binary = "textpipe"
    var pipeline: String
    var pipelineName: String
    /// The pipeline hash `textpipe run --metrics` reports for the bundled pipeline.
    var pipelineHash: String
    var libraries: [String]
    /// The glibc of the build machine: nodes need this version or newer.
    var glibc: String
    var architecture: String
    var externalCommands: [[String]]
    var files: [File]

    enum CodingKeys: String, CodingKey {
        case format, binary, pipeline, libraries, glibc, architecture, files
        case textpipeVersion = "textpipe_version", outputSchema = "output_schema"
        case pipelineName = "pipeline_name", pipelineHash = "pipeline_hash", externalCommands = "external_commands"
    }

    /// Sizes and SHA-256 sums of every file under `root` (sorted by path), from `sha256sum`.
    /// - Throws: ``CLIFailure`` (status 1) when a file cannot be summed.
    static func checksums(under root: URL) throws -> [File] {
        let paths = try regularFiles(under: root)
        let result = try BundleProcess.run("/usr/bin/sha256sum", ["--"] + paths, in: root)
        guard result.status == 0 else { throw CLIFailure.io("bundle: sha256sum failed: \(result.stderr)") }
        var sums: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            sums[String(parts[1].drop(while: { $0 == " " || $0 == "*" }))] = String(parts[0])
        }
        return try paths.map { path in
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            return File(path: path, bytes: (attributes[.size] as? Int) ?? 0, sha256: sums[path] ?? "")
        }
    }

    /// Relative paths of the regular files under `root`, sorted.
    static func regularFiles(under root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The manifest as pretty JSON with sorted keys.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
