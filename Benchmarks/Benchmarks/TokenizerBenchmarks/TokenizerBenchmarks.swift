import Benchmark
import BenchmarkSupport
import TextPipeline
@_spi(Benchmarks) import TextPipelineStages

/// `tokenize.icu@1` over the first 10 MB of the corpus, beside a raw ICU loop
/// (UTF-16 conversion, `ubrk_next` and `ubrk_getRuleStatus` per boundary)
/// over the same text: the speed limit of ICU tokenization.
///
/// Throughput is reported as "scaled" MB: one iteration processes the whole
/// slice; divide the slice size by the wall-clock time for MB/s (printed on stderr).
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 10, maxSeconds: 20)
    slice.announce()

    Benchmark("tokenize.icu@1-10MB", configuration: configuration) { benchmark in
        let stage = try ICUTokenizerStage()
        var worker = try stage.makeWorker()
        var documents = slice.documents()
        benchmark.startMeasurement()
        for index in documents.indices {
            try worker.process(&documents[index], context: StageContext())
        }
        benchmark.stopMeasurement()
        blackHole(documents)
    }

    Benchmark("raw-ICU-word-break-loop-10MB", configuration: configuration) { benchmark in
        let breaker = try ICUBreakerTemplate(sentence: false, locale: "en").makeBreaker()
        var boundaries = 0
        benchmark.startMeasurement()
        for article in slice.articles { boundaries += breaker.rawWordBoundaryCount(article.text) }
        benchmark.stopMeasurement()
        blackHole(boundaries)
    }

}
