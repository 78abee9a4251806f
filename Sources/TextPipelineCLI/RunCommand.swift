import ArgumentParser
import Foundation
import TextPipeline

extension OffsetUnit: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension ArticleLimits.OversizePolicy: ExpressibleByArgument {}

/// Layers that are written only on request.
enum EmittedLayer: String, ExpressibleByArgument, CaseIterable {
    case tokens
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse articles and write one record per input record, in input order (JSON lines by default).",
        discussion: """
        Inputs are .jsonl files (one {"id","text","title"?} object per line), .txt files (one article each), \
        folders (read recursively, in byte order of paths) and '-' for stdin; .gz files are decompressed. \
        With no input, stdin is read. Output is byte-identical whatever the number of workers.
        """
    )

    @Argument(help: "Input files or folders; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .long, help: "Pipeline file (default: Pipelines/news-en.yaml).")
    var pipeline: String?

    @Option(name: [.short, .long], help: "Write output to this file instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Worker threads (default: the number of cores).")
    var workers: Int?

    @Flag(name: .long, help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    @Option(name: .long, help: "Write the run's summary as JSON to this file.")
    var metrics: String?

    @Option(name: .long, help: "Largest article text in bytes (default: 16000000).")
    var maxArticleBytes: Int = ArticleLimits.defaultMaxArticleBytes

    @Option(name: .long, help: "What to do with a larger article: error (an error record) or truncate (analyse its start, with a warning).")
    var onOversize: ArticleLimits.OversizePolicy = .error

    @Option(name: .long, help: "Time limit per article in seconds; an article over it becomes a 'timeout' error record.")
    var articleTimeout: Double?

    @Flag(name: .long, help: "Continue an interrupted run: keep the complete lines of --output and append the rest.")
    var resume = false

    @Option(name: .long, help: "Offset unit: codepoint, utf16 or utf8.")
    var offsets: OffsetUnit = .codepoint

    @Option(name: .long, help: "Extra layers to write: tokens.")
    var emit: [EmittedLayer] = []

    @Option(name: .long, help: "Format of stdin: jsonl or text.")
    var format: InputFormat = .jsonl

    @Option(name: .long, help: "Output format: jsonl, conll or spacy (one stream), brat or html (a folder given with -o).")
    var outputFormat: OutputFormat = .jsonl

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if maxArticleBytes < 1 { throw ValidationError("--max-article-bytes must be at least 1") }
        if let articleTimeout, !(articleTimeout > 0) { throw ValidationError("--article-timeout must be a positive number of seconds") }
        if resume, output == nil { throw ValidationError("--resume needs --output FILE: it continues that file") }
        try validateOutputFormat()
    }

    func run() throws {
        let pipeline = try PipelineLocator.load(self.pipeline, registry: CLIContext.shared.registry)
        let files: [InputFile]
        do { files = try InputFile.expand(inputs, stdinFormat: format) } catch { throw CLIFailure.configuration(error.message) }
        let outputOptions = OutputOptions(offsets: offsets, emitTokens: emit.contains(.tokens))
        let encoder = try makeEncoder(pipeline: pipeline, options: outputOptions)
        let (writer, skip) = try openWriter(files: files, pipeline: pipeline, options: outputOptions, encoder: encoder)
        let limits = ArticleLimits(maxArticleBytes: maxArticleBytes, oversize: onOversize,
                                   articleTimeout: articleTimeout.map { .milliseconds(Int64($0 * 1000)) })
        let configuration = StreamEngine.Configuration(workers: workers)
        let streamRun = StreamRun(pipeline: pipeline, output: outputOptions, limits: limits, configuration: configuration)
        var reader = ArticleReader(files: files)
        let reporter = ProgressReporter(forced: progress, totalBytes: Self.knownSize(of: files))
        let summary: RunSummary
        do {
            summary = try streamRun.run(reader: &reader, encoder: encoder, writer: writer, skip: skip, progress: reporter)
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        } catch let error as InputError {
            throw CLIFailure.io(error.message)
        } catch let error as StageFailure {
            throw CLIFailure.io("stopped by on_error: fail: \(error)")
        }
        FileHandle.standardError.write(Data((summary.line + (skip > 0 ? ", resumed after \(skip) records" : "") + "\n").utf8))
        if let metrics {
            let report = RunMetrics(summary: summary, pipeline: pipeline, workers: configuration.workers,
                                    peakResidentBytes: ProcessStats.peakResidentBytes())
            guard FileManager.default.createFile(atPath: metrics, contents: Data(report.json)) else {
                throw CLIFailure.io("cannot write metrics to \(metrics)")
            }
        }
    }

    /// Opens stdout or `--output`, preparing a resume when asked.
    /// - Returns: the sink and the number of input records already done.
    func openOutput(files: [InputFile], pipeline: Pipeline, options: OutputOptions, framing: RecordFraming) throws -> (OutputSink, Int) {
        guard let output else { return (OutputSink(), 0) }
        let ledger = ResumeLedger(files: files, pipelineHash: pipeline.hash,
                                  outputOptions: "offsets=\(options.offsets.rawValue) emit=\(emit.map(\.rawValue).joined(separator: ","))" + formatLedgerSuffix)
        do {
            switch try ledger.prepare(output: output, resume: resume, framing: framing) {
            case .fresh:
                return (try OutputSink(path: output), 0)
            case .resume(let skip):
                return (try OutputSink(path: output, append: true), skip)
            }
        } catch let error as ResumeMismatch {
            throw CLIFailure.configuration(error.message)
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        }
    }

    /// The total size of the inputs when every one is a regular uncompressed file.
    static func knownSize(of files: [InputFile]) -> Int? {
        var total = 0
        for file in files {
            guard !file.isStandardInput, !file.path.hasSuffix(".gz"),
                  let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }
}
