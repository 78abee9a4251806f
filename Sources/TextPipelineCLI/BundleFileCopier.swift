import Foundation
import TextPipelineStages

/// Places the files a pipeline names inside a bundle's `pipeline/` folder and
/// returns the paths to write in the rewritten pipeline (relative to that folder).
///
/// The same source path is copied once; different sources with the same file
/// name get a numbered prefix, so nothing is overwritten.
struct BundleFileCopier {
    let folder: URL
    private var copies: [String: String] = [:]
    private var usedNames: Set<String> = []

    init(folder: URL) {
        self.folder = folder
    }

    /// Copies the file or folder at `source` to `files/<name>`.
    /// - Parameter option: the option naming it, for messages.
    /// - Throws: ``CLIFailure`` (status 2) when `source` does not exist or cannot be copied.
    mutating func copy(_ source: String, named option: String) throws -> String {
        if let done = copies[source] { return done }
        guard FileManager.default.fileExists(atPath: source) else {
            throw CLIFailure.configuration("bundle: \(option) names \(source), which does not exist")
        }
        let relative = "files/" + uniqueName(URL(fileURLWithPath: source).lastPathComponent)
        let target = folder.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: URL(fileURLWithPath: source).resolvingSymlinksInPath().path, toPath: target.path)
        } catch {
            throw CLIFailure.io("bundle: cannot copy \(source) into the bundle: \(error.localizedDescription)")
        }
        copies[source] = relative
        return relative
    }

    /// A `gazetteers` list rewritten to compiled files: each run of consecutive
    /// TSV sources is compiled into one `gazetteers/<n>-<first source>.tpg`
    /// (as the stage would compile it into its cache); `.tpg` files are copied.
    /// - Throws: ``CLIFailure`` (status 2) for a bad source.
    mutating func compiledGazetteers(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        var pending: [String] = []
        func flush() throws {
            guard let first = pending.first else { return }
            let name = "\(result.count)-" + URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent + ".tpg"
            let relative = "gazetteers/" + name
            let target = folder.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let (bytes, _) = try GazetteerCompiler.compile(sources: pending)
                try GazetteerCompiler.write(bytes, to: target.path)
            } catch let error as GazetteerSourceError {
                throw CLIFailure.configuration("bundle: \(error.description)")
            } catch {
                throw CLIFailure.io("bundle: cannot compile \(pending.joined(separator: ", ")) into \(target.path): \(error)")
            }
            result.append(relative)
            pending = []
        }
        for path in paths {
            if path.hasSuffix(".tpg") {
                try flush()
                result.append(try copy(path, named: "gazetteers"))
            } else {
                pending.append(path)
            }
        }
        try flush()
        return result
    }

    private mutating func uniqueName(_ name: String) -> String {
        var candidate = name
        var number = 2
        while usedNames.contains(candidate) {
            candidate = "\(number)-\(name)"
            number += 1
        }
        usedNames.insert(candidate)
        return candidate
    }
}
