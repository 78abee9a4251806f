import Foundation
package import TextPipeline

/// Measures a pipeline over an in-memory corpus slice with several worker
/// counts: the engine behind `textpipe bench`.
///
/// Records are read once into memory (raw lines, so JSON parsing is measured),
/// then each worker count runs the whole slice `repeats` times through the
/// stream engine: parse, analyse, encode; the output is discarded.
package struct BenchmarkRunner: Sendable {
    /// One worker count's figures (medians over the repeats).
    package struct Row: Sendable {
        package let workers: Int
        package let seconds: Double
        package let megabytesPerSecond: Double
        package let articlesPerSecond: Double
        package let tokensPerSecond: Double
        /// Each stage's share of stage time, in pipeline order.
        package let stageShares: [(stage: String, share: Double)]
    }

    package let pipeline: Pipeline
    package let records: [RawRecord]
    /// Bytes of article text in the slice.
    package let textBytes: Int

    /// Reads records from `reader` until `megabytes` × 10^6 bytes of text are in (whole records).
    package init(pipeline: Pipeline, reader: inout ArticleReader, megabytes: Double) throws {
        let limit = Int(megabytes * 1_000_000)
        var records: [RawRecord] = []
        var textBytes = 0
        while textBytes < limit, let raw = try reader.nextRaw() {
            if case .article(let article) = raw.parse() { textBytes += article.text.count }
            records.append(raw)
        }
        self.pipeline = pipeline
        self.records = records
        self.textBytes = textBytes
    }

    /// Runs the slice `repeats` times with `workers` threads; `progress` is called after each repeat.
    /// - Parameter includeIO: parse each JSON line and encode each output line inside the timing
    ///   (the default, as `textpipe run` does); when false, records are parsed beforehand and
    ///   nothing is encoded, so only the stages are timed (as peers that take in-memory texts are).
    package func measure(workers: Int, repeats: Int, includeIO: Bool = true, progress: (Int) -> Void = { _ in }) throws -> Row {
        let records = includeIO ? self.records : self.records.map { RawRecord.parsed($0.parse()) }
        let analyser = RecordAnalyser(pipeline: pipeline, output: OutputOptions())
        let engine = StreamEngine(pipeline: pipeline, configuration: .init(workers: workers))
        var timings: [Double] = []
        var stageTotals = Array(repeating: 0.0, count: pipeline.stages.count)
        var tokens = 0
        for repeatIndex in 0 ..< max(1, repeats) {
            var index = 0
            tokens = 0
            let clock = ContinuousClock()
            let started = clock.now
            let stageSeconds = try engine.run(
                next: {
                    guard index < records.count else { return nil }
                    defer { index += 1 }
                    return records[index]
                },
                transform: { record, worker -> Int in
                    var buffer = JSONBuffer()
                    switch try analyser.analyse(record, worker: &worker) {
                    case .document(let document):
                        if includeIO { analyser.encoder.encode(document, into: &buffer) }
                        return document.tokens.count
                    case .failure:
                        return 0
                    }
                },
                consume: { tokens += $0 }
            )
            timings.append((clock.now - started).seconds)
            for (stage, seconds) in stageSeconds.enumerated() { stageTotals[stage] += seconds }
            progress(repeatIndex + 1)
        }
        let median = timings.sorted()[timings.count / 2]
        let totalStage = stageTotals.reduce(0, +)
        let shares = zip(pipeline.stages.map(\.id.description), stageTotals).map { ($0, totalStage > 0 ? $1 / totalStage : 0) }
        return Row(
            workers: workers, seconds: median,
            megabytesPerSecond: Double(textBytes) / 1e6 / median,
            articlesPerSecond: Double(records.count) / median,
            tokensPerSecond: Double(tokens) / median,
            stageShares: shares)
    }
}
