public import ArgumentParser
import Foundation
import TextPipeline

// Option values whose case names are their raw values. Each states ArgumentParser's value
// strings itself: the defaults build them with String(describing:), whose dynamic casts scan
// every protocol conformance of the process once per type (about 0.5 M instructions at
// every start-up, for strings known at compile time).
extension OffsetUnit: ExpressibleByArgument {
    static var allValueStrings: [String] { rawValueStrings(allCases) }
    static var allValueDescriptions: [String: String] { [:] }
    var defaultValueDescription: String { rawValue }
}

extension InputFormat: ExpressibleByArgument {
    static var allValueStrings: [String] { rawValueStrings(allCases) }
    static var allValueDescriptions: [String: String] { [:] }
    var defaultValueDescription: String { rawValue }
}

extension ArticleLimits.OversizePolicy: ExpressibleByArgument {
    static var allValueStrings: [String] { rawValueStrings(allCases) }
    static var allValueDescriptions: [String: String] { [:] }
    var defaultValueDescription: String { rawValue }
}

/// Layers that are written only on request.
enum EmittedLayer: String, ExpressibleByArgument, CaseIterable {
    case tokens

    static var allValueStrings: [String] { rawValueStrings(allCases) }
    static var allValueDescriptions: [String: String] { [:] }
    var defaultValueDescription: String { rawValue }
}

/// The raw values of `cases`, in order: what ArgumentParser lists as an option's possible values.
func rawValueStrings<Value: RawRepresentable<String>>(_ cases: some Sequence<Value>) -> [String] { cases.map(\.rawValue) }

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

    @Option(name: .long, help: "Pipeline file (default: news-en.yaml of the shipped data; 'textpipe check' shows it).")
    var pipeline: String?

    @Option(name: [.short, .long], help: "Write output to this file instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Worker threads (default: the number of cores).")
    var workers: Int?

    @Flag(name: .long, help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    @Option(name: .long, help: "Write the run's summary as JSON to this file.")
    var metrics: String?

    @Option(name: .long, help: "Largest article text in bytes.")
    var maxArticleBytes: Int = ArticleLimits.defaultMaxArticleBytes

    @Option(name: .long, help: "What to do with a larger article: write an error record, or analyse its start with a warning.")
    var onOversize: ArticleLimits.OversizePolicy = .error

    @Option(name: .long, help: "Time limit per article in seconds, from 0.001 to 86400; an article over it becomes a 'timeout' error record.")
    var articleTimeout: Double?

    @Flag(
        name: .long,
        help:
            "Continue an interrupted run: keep the complete lines of --output and append the rest. Every run with --output FILE writes the checkpoints this reads to FILE.textpipe-resume."
    )
    var resume = false

    @Option(name: .long, help: "Unit of every offset.")
    var offsets: OffsetUnit = .codepoint

    @Option(name: .long, help: "Extra layers to write.")
    var emit: [EmittedLayer] = []

    @Option(name: .long, help: "Format of stdin.")
    var format: InputFormat = .jsonl

    @Option(name: .long, help: "Output format; brat and html write a folder given with -o, the others one stream.")
    var outputFormat: OutputFormat = .jsonl

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if maxArticleBytes < 1 { throw ValidationError("--max-article-bytes must be at least 1") }
        if let articleTimeout, !Self.articleTimeoutRange.contains(articleTimeout) {  // NaN is in no range
            throw ValidationError("--article-timeout must be between 0.001 and 86400 seconds, not \(articleTimeout)")
        }
        if resume, output == nil { throw ValidationError("--resume needs --output FILE: it continues that file") }
        try validateOutputFormat()
    }

    /// Usable per-article time limits in seconds: below a millisecond is no limit a
    /// stage can check; above a day (or infinite) is no limit at all and overflows deadlines.
    static let articleTimeoutRange = 0.001 ... 86_400.0

    func run() throws {
        let pipeline = try PipelineLocator.load(self.pipeline, registry: CLIContext.shared.registry)
        let expanded: [InputFile]
        do { expanded = try InputFile.expand(inputs, stdinFormat: format) } catch { throw CLIFailure.configuration(error.message) }
        let (files, notes) = try OutputPathSafety.inputs(expanded, named: inputs, output: output, metrics: metrics)
        for note in notes { FileHandle.standardError.write(Data("textpipe: \(note)\n".utf8)) }
        if files.contains(where: \.isStandardInput), isatty(STDIN_FILENO) == 1 {
            let what = format == .text ? "one article as text" : "JSON lines"
            FileHandle.standardError.write(
                Data("textpipe: reading \(what) from the terminal; end with Ctrl-D, or name input files (textpipe run --help)\n".utf8))
        }
        do { try pipeline.checkStartup() } catch { throw CLIFailure.configuration(error.description) }
        let outputOptions = OutputOptions(offsets: offsets, emitTokens: emit.contains(.tokens))
        let limits = ArticleLimits(
            maxArticleBytes: maxArticleBytes, oversize: onOversize,
            articleTimeout: articleTimeout.map { .seconds($0) })
        let encoder = try makeEncoder(pipeline: pipeline, options: outputOptions)
        var reader = ArticleReader(files: files, limits: limits)
        let opened = try openWriter(files: files, pipeline: pipeline, reader: &reader, encoder: encoder)
        defer { withExtendedLifetime(opened.lock) {} }  // the lock is held until the command ends
        let skip = opened.skip
        // A resumed run has read the records its output already holds; they are not this run's work.
        let resumedBytes = reader.bytesRead
        let configuration = StreamEngine.Configuration(workers: workers)
        let streamRun = StreamRun(pipeline: pipeline, output: outputOptions, limits: limits, configuration: configuration)
        let reporter = ProgressReporter(forced: progress, totalBytes: Self.knownSize(of: files).map { $0 - resumedBytes })
        let interruption = RunInterruption()
        SignalWatcher.attach(interruption)
        var summary: RunSummary
        do {
            summary = try streamRun.run(
                reader: &reader, encoder: encoder, writer: opened.writer, progress: reporter,
                interruption: interruption)
            summary.bytes -= resumedBytes
            SignalWatcher.attach(nil)
        } catch let stop as RunInterrupted {
            ChildProcessRegistry.terminateAll()
            let name = stop.signal == SIGINT ? "SIGINT" : stop.signal == SIGTERM ? "SIGTERM" : "signal \(stop.signal)"
            let rest =
                output == nil ? "the output ends after the last complete record" : "\(output!) ends after its last complete record; --resume continues the run"
            throw CLIFailure(status: 128 + stop.signal, message: "stopped by \(name): \(rest)")
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        } catch let error as InputError {
            throw CLIFailure.io(error.message)
        } catch let error as PipelineError {
            throw CLIFailure.io("stopped by on_error: fail: \(error)")
        }
        FileHandle.standardError.write(Data((summary.line + (skip > 0 ? ", resumed after \(skip) records" : "") + "\n").utf8))
        if let metrics {
            let report = RunMetrics(
                summary: summary, pipeline: pipeline, workers: configuration.workers,
                peakResidentBytes: ProcessStats.peakResidentBytes())
            do { try InPlaceFile.write(report.json, to: metrics) } catch { throw CLIFailure.io("--metrics: \(error.message)") }
        }
    }

    /// Every option that changes the output, as the resume sidecar records it.
    var outputIdentity: String {
        "offsets=\(offsets.rawValue) emit=\(emit.map(\.rawValue).joined(separator: ",")) format=\(format.rawValue)"
            + " max-article-bytes=\(maxArticleBytes) on-oversize=\(onOversize.rawValue)"
            + " article-timeout=\(articleTimeout.map { String($0) } ?? "none") output-format=\(outputFormat.rawValue)"
    }

    /// Opens stdout or `--output`: locks a regular output file, and prepares a
    /// resume when asked, leaving `reader` at the first record to analyse. Only a
    /// regular output file gets a lock and a resume sidecar; a device or a pipe is
    /// written as it is.
    func openOutput(files: [InputFile], pipeline: Pipeline, reader: inout ArticleReader, framing: RecordFraming) throws -> OpenedOutput {
        guard let output else { return OpenedOutput(writer: StreamRecordWriter(sink: OutputSink(), journal: nil), lock: nil, skip: 0) }
        guard OutputPathSafety.takesSidecar(output) else {
            if resume { throw CLIFailure.configuration("--resume needs a regular output file: \(output) is a device, a pipe or a socket") }
            do { return OpenedOutput(writer: StreamRecordWriter(sink: try OutputSink(path: output), journal: nil), lock: nil, skip: 0) } catch {
                throw CLIFailure.io(error.message)
            }
        }
        let ledger = ResumeLedger(files: files, pipeline: pipeline, outputOptions: outputIdentity)
        let sidecar = ResumeLedger.sidecarPath(for: output)
        do {
            let lock = try OutputLock.acquire(path: output)
            switch try ledger.plan(output: output, resume: resume, framing: framing) {
            case .fresh:
                let journal = lock == nil ? nil : try ResumeJournal(path: sidecar, header: ledger.header)
                return OpenedOutput(writer: StreamRecordWriter(sink: try OutputSink(path: output), journal: journal), lock: lock, skip: 0)
            case .resume(let point):
                try point.verify(skipping: &reader)
                // Output first: a crash between the two leaves a sidecar that still covers the output.
                try point.truncateOutput()
                let journal = try ResumeJournal(path: sidecar, header: ledger.header, records: point.records, digest: point.digest)
                return OpenedOutput(
                    writer: StreamRecordWriter(sink: try OutputSink(path: output, append: true), journal: journal), lock: lock, skip: point.records)
            }
        } catch let error as ResumeMismatch {
            throw CLIFailure.configuration(error.message)
        } catch let error as OutputBusy {
            throw CLIFailure.configuration(error.message)
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        } catch let error as InputError {
            throw CLIFailure.io(error.message)
        }
    }

    /// The total size of the inputs when every one is a regular uncompressed file.
    static func knownSize(of files: [InputFile]) -> Int? {
        var total = 0
        for file in files {
            guard !file.isStandardInput, !file.path.hasSuffix(".gz"),
                let size = lstatSize(file.path)
            else { return nil }
            total += size
        }
        return total
    }
}

/// Where a run writes: the record writer (with its resume journal, for a stream),
/// the lock held on a regular output file, and the input records already done by
/// the run being resumed.
struct OpenedOutput {
    let writer: any RecordWriter
    let lock: OutputLock?
    let skip: Int
}
