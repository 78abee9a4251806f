import Benchmark
import Foundation

/// The configuration every suite uses.
///
/// With `TEXTPIPE_BENCH_CI=1` only allocation counts are measured, with a
/// tolerance, so `swift package benchmark thresholds check` can gate CI on a
/// noisy machine against the thresholds checked in under `Thresholds/`
/// (see scripts/check-allocations). Benchmark names carry no spaces or
/// slashes: the tool writes threshold files under cleaned names but reads them
/// under the raw ones. Otherwise wall clock, throughput, peak
/// memory and allocations are reported.
public enum SuiteConfiguration {
    public static var isCI: Bool { ProcessInfo.processInfo.environment["TEXTPIPE_BENCH_CI"] != nil }

    /// - Parameter mallocTolerance: the allocations a CI run may exceed the checked-in
    ///   threshold by (besides 5%): 50 for the single-threaded suites, whose counts repeat
    ///   exactly; more for a benchmark whose threads hand work over by timing.
    public static func make(maxIterations: Int = 10, maxSeconds: Int = 20, mallocTolerance: Int = 50) -> Benchmark.Configuration {
        if isCI {
            return Benchmark.Configuration(
                metrics: [.mallocCountTotal],
                warmupIterations: 1,
                maxDuration: .seconds(maxSeconds),
                maxIterations: 3,
                thresholds: [.mallocCountTotal: .init(relative: [.p90: 5.0], absolute: [.p90: mallocTolerance])]
            )
        }
        return Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
            warmupIterations: 1,
            maxDuration: .seconds(maxSeconds),
            maxIterations: maxIterations
        )
    }
}
