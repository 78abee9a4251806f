import Foundation
import TextPipeline

/// Finds and loads pipeline files for the commands.
enum PipelineLocator {
    static let defaultName = "news-en.yaml"

    /// The default pipeline, `Pipelines/news-en.yaml`, found from any working directory:
    /// 1. `$TEXTPIPE_PIPELINES/news-en.yaml` when the variable is set;
    /// 2. walking up from the executable's real path, `Pipelines/news-en.yaml`
    ///    (a source checkout: `.build/release/textpipe`) or `share/textpipe/Pipelines/news-en.yaml`
    ///    (an install under a prefix).
    static func defaultPipelinePath() -> String? {
        let fileManager = FileManager.default
        if let folder = ProcessInfo.processInfo.environment["TEXTPIPE_PIPELINES"] {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(defaultName).path
            return fileManager.fileExists(atPath: path) ? path : nil
        }
        let executable = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            for candidate in ["Pipelines/\(defaultName)", "share/textpipe/Pipelines/\(defaultName)"] {
                let path = folder.appendingPathComponent(candidate).path
                if fileManager.fileExists(atPath: path) { return path }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Loads `path`, or the default pipeline when nil.
    /// - Throws: ``CLIFailure`` with status 2 and the configuration error's message.
    static func load(_ path: String?, registry: StageRegistry) throws -> Pipeline {
        guard let file = path ?? defaultPipelinePath() else {
            throw CLIFailure.configuration("cannot find the default pipeline \(defaultName); pass --pipeline FILE or set TEXTPIPE_PIPELINES to its folder")
        }
        do {
            return try Pipeline.load(file: file, registry: registry)
        } catch let error as ConfigurationError {
            throw CLIFailure.configuration(error.description)
        }
    }
}
