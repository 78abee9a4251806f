public import ArgumentParser
import Foundation
import TextPipeline

extension OutputFormat: ExpressibleByArgument {
    /// The raw values (ArgumentParser's default builds them with String(describing:); see RunCommand.swift).
    static var allValueStrings: [String] { rawValueStrings(allCases) }
    /// None: each value's name says it all.
    static var allValueDescriptions: [String: String] { [:] }
    /// The raw value.
    var defaultValueDescription: String { rawValue }
}

/// `--output-format`: which encoder a run uses and where its records go.
/// Kept apart from RunCommand's other options so format work and run work merge cleanly.
extension RunCommand {
    /// Usage errors of the format options, found before anything is read or written.
    func validateOutputFormat() throws {
        guard outputFormat != .jsonl else { return }
        let name = outputFormat.rawValue
        if outputFormat.writesFolder {
            if output == nil { throw ValidationError("--output-format \(name) writes a folder: give it with -o/--output DIR") }
            if resume {
                throw ValidationError(
                    "--resume continues one output stream (jsonl, conll, spacy); --output-format \(name) writes a folder, so run again without --resume")
            }
        }
        if !outputFormat.takesOffsetOptions {
            if offsets != .codepoint { throw ValidationError("--offsets applies to jsonl; \(name) uses code points as its readers expect") }
            if !emit.isEmpty { throw ValidationError("--emit applies to jsonl; \(name) writes the layers its format has") }
        }
    }

    /// The encoder for this run, over the layers `pipeline` provides.
    /// - Throws: a configuration failure when the pipeline lacks a layer the format needs.
    func makeEncoder(pipeline: Pipeline, options: OutputOptions) throws -> any DocumentEncoder {
        let missing = outputFormat.requiredLayers.subtracting(pipeline.provides)
        if !missing.isEmpty {
            throw CLIFailure.configuration(
                "--output-format \(outputFormat.rawValue) needs a pipeline that provides \(missing.map(\.rawValue).sorted().joined(separator: ", ")); \(pipeline.name) does not"
            )
        }
        var layered = options
        layered.layers = pipeline.provides
        return outputFormat.makeEncoder(options: layered)
    }

    /// Opens where records go: a stream (stdout or `-o FILE`, locked and resumable)
    /// or a folder (`-o DIR`), leaving `reader` at the first record to analyse.
    func openWriter(files: [InputFile], pipeline: Pipeline, reader: inout ArticleReader, encoder: any DocumentEncoder) throws -> OpenedOutput {
        guard outputFormat.writesFolder, let output else {
            return try openOutput(files: files, pipeline: pipeline, reader: &reader, framing: encoder.framing)
        }
        do {
            let folder = try OutputFolder(preparing: output, format: outputFormat.rawValue)
            let title = inputs.isEmpty ? "standard input" : inputs.joined(separator: ", ")
            return OpenedOutput(writer: outputFormat.makeFolderWriter(folder: folder, title: title), lock: nil, skip: 0)
        } catch let error as OutputFolderRefusal {
            throw CLIFailure.configuration(error.message)
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        }
    }
}
