import Foundation

/// Totals of one run, printed to stderr at the end.
public struct RunSummary: Sendable {
    /// Records written (analyses and error records).
    public var articles = 0
    /// Error records among them.
    public var errors = 0
    /// Blank input lines skipped.
    public var blankLines = 0
    /// Input bytes read.
    public var bytes = 0
    /// Wall-clock seconds from the first read to the last write.
    public var seconds = 0.0
    /// Seconds per stage, in pipeline order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
    /// CPU seconds of the calling thread during the run: reading, splitting lines, writing.
    public var callingThreadCPUSeconds = 0.0
    /// CPU seconds of the worker threads, summed: parsing, analysing, encoding.
    public var workerCPUSeconds = 0.0

    /// Zero totals, filled in by the run.
    public init() {}

    /// Input megabytes (10^6 bytes) per second of ``seconds``; 0 for an empty run.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

    /// One line for stderr, for example
    /// `textpipe: 23896 articles, 0 errors, 33.1 MB in 4.20 s (7.9 MB/s)`.
    public var line: String {
        let megabytes = Double(bytes) / 1e6
        var text =
            "textpipe: \(articles) articles, \(errors) errors, \(format(megabytes, 1)) MB in \(format(seconds, 2)) s (\(format(megabytesPerSecond, 1)) MB/s)"
        if blankLines > 0 { text += ", \(blankLines) blank lines skipped" }
        let total = stageSeconds.reduce(0) { $0 + $1.seconds }
        if total > 0 {
            let shares = stageSeconds.map { "\($0.stage) \(format(100 * $0.seconds / total, 0))%" }
            text += "; stages: " + shares.joined(separator: ", ")
        }
        return text
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        FixedDecimal.text(value, decimals: decimals) ?? String(format: "%.\(decimals)f", value)
    }
}
