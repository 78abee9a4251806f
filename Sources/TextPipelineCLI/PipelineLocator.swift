import Foundation
import TextPipeline

/// Finds and loads pipeline files for the commands.
enum PipelineLocator {
    static let defaultName = ShippedData.defaultPipelineName

    /// The default pipeline, `news-en.yaml` in the shipped data folder, found from any
    /// working directory and wherever the binary is installed (see ``ShippedData``).
    static func defaultPipelinePath() -> String? {
        ShippedData.defaultPipeline
    }

    /// Loads `path`, or the default pipeline when nil.
    /// - Throws: ``CLIFailure`` with status 2 and the configuration error's message.
    static func load(_ path: String?, registry: StageRegistry) throws -> Pipeline {
        guard let file = path ?? defaultPipelinePath() else {
            throw CLIFailure.configuration(
                "cannot find the default pipeline \(defaultName): no Pipelines folder beside this executable, "
                    + "under its prefix (share/textpipe/Pipelines) or in the checkout it was built from; "
                    + "pass --pipeline FILE, set TEXTPIPE_PIPELINES to that folder, or install with 'textpipe install --prefix DIR'")
        }
        do {
            return try LoadNotice.$current.withValue(stderrNotice) { try Pipeline.load(file: file, registry: registry) }
        } catch let error as ConfigurationError {
            throw CLIFailure.configuration(error.description)
        }
    }

    /// Writes each ``LoadNotice`` (a first run compiling gazetteers) to stderr.
    static let stderrNotice = LoadNotice { message in
        FileHandle.standardError.write(Data("textpipe: \(message)\n".utf8))
    }
}
