import Foundation
import TextPipeline

/// The reasons a `textpipe bench` result cannot be trusted, one sentence each,
/// printed to stderr after the table.
///
/// A run shorter than a scheduler's time slice measures start-up and noise: on
/// a 0.05 MB slice one worker took 4 ms and two workers "1.1 ms", a 3.7x
/// speed-up on 2 cores. Such figures are reported with a warning, not refused.
enum BenchWarnings {
    /// Slices under this many bytes of text are too small for a throughput figure.
    static let minimumTextBytes = 1_000_000
    /// Medians under this many seconds are too short for a throughput figure.
    static let minimumSeconds = 0.2

    static func check(rows: [BenchmarkRunner.Row], textBytes: Int, cores: Int) -> [String] {
        var warnings: [String] = []
        let shortest = rows.map(\.seconds).min() ?? 0
        if textBytes < minimumTextBytes || shortest < minimumSeconds {
            warnings.append(
                String(
                    format:
                        "the slice is %.2f MB and the shortest run took %.3f s: too small for meaningful figures (want at least 1 MB and 0.2 s per run; raise --megabytes)",
                    Double(textBytes) / 1e6, shortest))
        }
        if let base = rows.first {
            for row in rows.dropFirst() where base.seconds / row.seconds > 1.05 * Double(row.workers) / Double(base.workers) {
                warnings.append(
                    String(
                        format:
                            "%d workers ran %.2fx faster than %d: more than the ratio of workers, so the timings are noise or the machine was busier during the first",
                        row.workers, base.seconds / row.seconds, base.workers))
            }
        }
        if let most = rows.map(\.workers).max(), most > cores {
            warnings.append("\(most) workers on \(cores) cores: the extra workers share cores, so their figures measure contention")
        }
        return warnings
    }
}
