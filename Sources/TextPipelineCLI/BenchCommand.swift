import ArgumentParser
import Foundation
import TextPipeline
@_spi(Benchmarks) import TextPipelineStages

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a pipeline's throughput on a corpus slice, with a scaling table over worker counts.",
        discussion: """
            The first --megabytes MB of article text are read into memory as raw JSON lines; the slice is run \
            --warmup times untimed (page faults, caches, lazily built tables), then each worker count runs it \
            --repeat times (parse, analyse, encode; output discarded). Figures are medians. A warning on stderr \
            says when the figures cannot mean much: a slice under 1 MB or a run under 0.2 s, a speed-up above \
            the number of workers, or more workers than cores.
            """
    )

    @Option(name: .long, help: "Pipeline file (default: news-en.yaml of the shipped data).")
    var pipeline: String?

    @Option(name: .long, help: "Corpus: a JSON-lines file (or .gz, or a folder).")
    var input: String

    @Option(name: .long, help: "Megabytes of article text to use (whole records from the top).")
    var megabytes: Double = 10

    @Option(name: .long, help: "Runs per worker count; the median is reported.")
    var `repeat`: Int = 3

    @Option(name: .long, help: "Untimed runs of the slice before the timed ones.")
    var warmup: Int = 1

    @Option(name: .long, help: "Comma-separated worker counts, e.g. 1,2.")
    var workers: String = "1"

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Flag(name: .customLong("no-io"), help: "Time the stages only: parse the JSON lines beforehand and encode nothing.")
    var noIO = false

    @Flag(name: .customLong("raw-icu"), help: "Also time a raw ICU word-break loop over the same text: the speed limit of tokenization.")
    var rawICU = false

    func validate() throws {
        guard megabytes > 0 else { throw ValidationError("--megabytes must be positive") }
        guard self.repeat >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be 0 or more") }
        _ = try workerCounts()
    }

    func workerCounts() throws -> [Int] {
        let counts = workers.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw ValidationError("--workers expects positive integers separated by commas, e.g. 1,2,4")
        }
        return counts.compactMap { $0 }
    }

    func run() throws {
        let pipeline = try PipelineLocator.load(self.pipeline, registry: CLIContext.shared.registry)
        let files: [InputFile]
        do { files = try InputFile.expand([input], stdinFormat: .jsonl) } catch { throw CLIFailure.configuration(error.message) }
        var reader = ArticleReader(files: files)
        let runner: BenchmarkRunner
        do { runner = try BenchmarkRunner(pipeline: pipeline, reader: &reader, megabytes: megabytes) } catch { throw CLIFailure.io("\(error)") }
        let counts = try workerCounts()
        var rows: [BenchmarkRunner.Row] = []
        let showProgress = isatty(STDERR_FILENO) == 1
        var warmupRuns = 0
        for _ in 0 ..< warmup {
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kbench: warm-up".utf8)) }
            _ = try runner.measure(workers: counts.max() ?? 1, repeats: 1, includeIO: !noIO)
            warmupRuns += 1
        }
        for count in counts {
            rows.append(
                try runner.measure(workers: count, repeats: self.repeat, includeIO: !noIO) { done in
                    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kbench: \(count) workers, run \(done)/\(self.repeat)".utf8)) }
                })
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let rawSeconds = rawICU ? try RawICUBaseline.seconds(records: runner.records, repeats: self.repeat) : nil
        let report = BenchReport(
            pipeline: pipeline, input: input, articles: runner.records.count, textBytes: runner.textBytes,
            repeats: self.repeat, warmupRuns: warmupRuns, includesIO: !noIO, rows: rows, rawICUSeconds: rawSeconds,
            peakResidentBytes: ProcessStats.peakResidentBytes())
        print(json ? report.json : report.table)
        for warning in BenchWarnings.check(rows: rows, textBytes: runner.textBytes, cores: ProcessInfo.processInfo.activeProcessorCount) {
            FileHandle.standardError.write(Data("textpipe: warning: \(warning)\n".utf8))
        }
    }
}

/// The output of `textpipe bench`, as a table or JSON.
struct BenchReport {
    let pipeline: Pipeline
    let input: String
    let articles: Int
    let textBytes: Int
    let repeats: Int
    /// Untimed runs of the slice done before the timed ones.
    let warmupRuns: Int
    let includesIO: Bool
    let rows: [BenchmarkRunner.Row]
    let rawICUSeconds: Double?
    let peakResidentBytes: Int?

    var table: String {
        var lines = [
            "pipeline \(pipeline.name) (\(pipeline.file)), \(articles) articles, \(String(format: "%.2f", Double(textBytes) / 1e6)) MB of text from \(input), median of \(repeats) after \(warmupRuns) warm-up, \(includesIO ? "JSON lines parsed and encoded" : "stages only")"
        ]
        var cells = [["workers", "seconds", "MB/s", "articles/s", "tokens/s", "speed-up"]]
        let base = rows.first?.seconds ?? 1
        for row in rows {
            cells.append([
                String(row.workers), String(format: "%.3f", row.seconds), String(format: "%.1f", row.megabytesPerSecond),
                String(format: "%.0f", row.articlesPerSecond), String(format: "%.0f", row.tokensPerSecond),
                String(format: "%.2fx", base / row.seconds),
            ])
        }
        lines += TextTable.render(cells)
        if let first = rows.first {
            lines.append("stage shares: " + first.stageShares.map { "\($0.stage) \(String(format: "%.0f", 100 * $0.share))%" }.joined(separator: ", "))
        }
        if let rawICUSeconds {
            lines.append(String(format: "raw ICU word-break loop: %.3f s, %.1f MB/s", rawICUSeconds, Double(textBytes) / 1e6 / rawICUSeconds))
        }
        if let peakResidentBytes { lines.append("peak RSS: \(peakResidentBytes / 1_000_000) MB") }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let object: JSONValue = .object([
            "textpipe_version": .string(TextPipelineVersion.current),
            "pipeline": .object(["file": .string(pipeline.file), "name": .string(pipeline.name), "hash": .string(pipeline.hash)]),
            "input": .string(input),
            "articles": .number(Double(articles)),
            "text_bytes": .number(Double(textBytes)),
            "repeats": .number(Double(repeats)),
            "warmup_runs": .number(Double(warmupRuns)),
            "includes_io": .bool(includesIO),
            "peak_rss_bytes": peakResidentBytes.map { .number(Double($0)) } ?? .null,
            "raw_icu_mb_per_second": rawICUSeconds.map { .number(Double(textBytes) / 1e6 / $0) } ?? .null,
            "runs": .array(
                rows.map { row in
                    .object([
                        "workers": .number(Double(row.workers)),
                        "seconds": .number(row.seconds),
                        "mb_per_second": .number(row.megabytesPerSecond),
                        "articles_per_second": .number(row.articlesPerSecond),
                        "tokens_per_second": .number(row.tokensPerSecond),
                        "stages": .array(row.stageShares.map { .object(["id": .string($0.stage), "share": .number($0.share)]) }),
                    ])
                }),
        ])
        var buffer = JSONBuffer()
        buffer.value(object)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}

/// A raw ICU word-break loop over the bench slice (UTF-16 conversion, `ubrk_next`,
/// `ubrk_getRuleStatus`), one thread: what tokenization cannot beat.
enum RawICUBaseline {
    static func seconds(records: [RawRecord], repeats: Int) throws -> Double {
        let texts: [[UInt8]] = records.compactMap { record in
            if case .article(let article) = record.parse() { return article.text }
            return nil
        }
        let breaker = try ICUBreakerTemplate(sentence: false, locale: "en").makeBreaker()
        var timings: [Double] = []
        var boundaries = 0
        for _ in 0 ..< max(1, repeats) {
            let clock = ContinuousClock()
            let started = clock.now
            for text in texts { boundaries &+= breaker.rawWordBoundaryCount(text) }
            timings.append((clock.now - started).seconds)
        }
        precondition(boundaries >= 0)
        return timings.sorted()[timings.count / 2]
    }
}
