import Benchmark
import BenchmarkSupport
import Foundation
import TextPipeline
import TextPipelineStages

/// The default pipeline (`Pipelines/news-en.yaml`) over the first 10 MB of the
/// corpus, one worker:
/// - in memory: documents already built, stages only;
/// - end to end: JSON lines read from a file, parsed, analysed, encoded and
///   written to /dev/null through the stream engine.
/// The ratio of the two is the cost of I/O (target: end to end ≥ 85% of in memory).
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 8, maxSeconds: 30)
    slice.announce()

    StageBenchmark.pipelineInMemory("news-en-in-memory-1-worker-10MB", slice: slice, configuration: configuration) {
        try Repository.pipeline("Pipelines/news-en.yaml")
    }

    // The reader, worker and writer threads hand batches over by timing, so the number of
    // batch buffers, and with it the count, varies by a few hundred between runs (275,339,
    // 275,735 and 276,0xx seen on the same build): 1,000 allocations of slack (0.4%).
    let endToEnd = SuiteConfiguration.make(maxIterations: 8, maxSeconds: 30, mallocTolerance: 1000)
    Benchmark("news-en-end-to-end-jsonl-1-worker-10MB", configuration: endToEnd) { benchmark in
        let pipeline = try Repository.pipeline("Pipelines/news-en.yaml")
        let input = try slice.writeJSONLines()
        defer { try? FileManager.default.removeItem(atPath: input) }
        let run = StreamRun(pipeline: pipeline, output: OutputOptions(), configuration: StreamEngine.Configuration(workers: 1))
        benchmark.startMeasurement()
        var reader = ArticleReader(files: [InputFile(path: input, format: .jsonl)])
        let summary = try run.run(reader: &reader, sink: try OutputSink(path: "/dev/null"))
        benchmark.stopMeasurement()
        blackHole(summary)
    }
}
