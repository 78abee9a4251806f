import ArgumentParser
import Foundation
import TextPipeline

extension OffsetUnit: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// Layers that are written only on request.
enum EmittedLayer: String, ExpressibleByArgument, CaseIterable {
    case tokens
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse articles and write one JSON line per input record, in input order.",
        discussion: """
        Inputs are .jsonl files (one {"id","text","title"?} object per line), .txt files (one article each), \
        folders (read recursively, in byte order of paths) and '-' for stdin; .gz files are decompressed. \
        With no input, stdin is read.
        """
    )

    @Argument(help: "Input files or folders; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .long, help: "Pipeline file (default: Pipelines/news-en.yaml).")
    var pipeline: String?

    @Option(name: [.short, .long], help: "Write output to this file instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Offset unit: codepoint, utf16 or utf8.")
    var offsets: OffsetUnit = .codepoint

    @Option(name: .long, help: "Extra layers to write: tokens.")
    var emit: [EmittedLayer] = []

    @Option(name: .long, help: "Format of stdin: jsonl or text.")
    var format: InputFormat = .jsonl

    func run() throws {
        let registry = CLIContext.shared.registry
        let pipeline = try PipelineLocator.load(self.pipeline, registry: registry)
        let files: [InputFile]
        do {
            files = try InputFile.expand(inputs, stdinFormat: format)
        } catch {
            throw CLIFailure.configuration(error.message)
        }
        let sink: OutputSink
        if let output {
            do { sink = try OutputSink(path: output) } catch { throw CLIFailure.io(error.message) }
        } else {
            sink = OutputSink()
        }
        let runner = SequentialRunner(pipeline: pipeline, output: OutputOptions(offsets: offsets, emitTokens: emit.contains(.tokens)))
        var reader = ArticleReader(files: files)
        do {
            let summary = try runner.run(reader: &reader, sink: sink)
            FileHandle.standardError.write(Data((summary.line + "\n").utf8))
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        } catch let error as InputError {
            throw CLIFailure.io(error.message)
        } catch let error as StageFailure {
            throw CLIFailure.io("stopped by on_error: fail: \(error)")
        }
    }
}
