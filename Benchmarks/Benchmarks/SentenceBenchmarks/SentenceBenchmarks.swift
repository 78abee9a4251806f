import Benchmark
import BenchmarkSupport
import TextPipeline
import TextPipelineStages

/// `sentences.icu@1` with its tokenizer over the first 10 MB of the corpus,
/// the splitter alone over pre-tokenized documents, and pathological
/// one-megabyte inputs that must stay linear (digits and periods, dots,
/// one letter, initials, spaced ellipses, runs of `?!`, quote openers, one
/// word per line), three of them also at four megabytes.
///
/// One iteration processes the whole input; MB/s = input size / wall-clock
/// time (sizes are printed on stdout when the suite starts). CPU time is
/// tracked beside wall-clock time, which suffers more on a loaded machine.
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 10, maxSeconds: 20)
    slice.announce()

    Benchmark("sentences-tokenize+sentences.icu@1-10MB", configuration: configuration) { benchmark in
        let stages = try SentenceStages()
        var workers = try stages.makeWorkers()
        var documents = slice.documents()
        benchmark.startMeasurement()
        for index in documents.indices {
            for stage in workers.indices { try workers[stage].process(&documents[index], context: StageContext()) }
        }
        benchmark.stopMeasurement()
        blackHole(documents)
    }

    Benchmark("sentences-splitter-alone-pretokenized-10MB", configuration: configuration) { benchmark in
        let stages = try SentenceStages()
        var workers = try stages.makeWorkers()
        var documents = slice.documents()
        for index in documents.indices { try workers[0].process(&documents[index], context: StageContext()) }
        benchmark.startMeasurement()
        for index in documents.indices { try workers[1].process(&documents[index], context: StageContext()) }
        benchmark.stopMeasurement()
        blackHole(documents)
    }

    for (name, text) in PathologicalText.all {
        Benchmark(
            "sentences-pathological-\((text.utf8.count + 500_000) / 1_000_000)MB-\(name.replacingOccurrences(of: " ", with: "-"))", configuration: configuration
        ) { benchmark in
            let stages = try SentenceStages()
            var workers = try stages.makeWorkers()
            var document = Document(text: text)
            benchmark.startMeasurement()
            for stage in workers.indices { try workers[stage].process(&document, context: StageContext()) }
            benchmark.stopMeasurement()
            blackHole(document)
        }
    }
}

/// The default pipeline's two stages.
struct SentenceStages {
    let tokenizer: ICUTokenizerStage
    let sentences: ICUSentenceStage

    init() throws {
        tokenizer = try ICUTokenizerStage()
        sentences = try ICUSentenceStage()
    }

    func makeWorkers() throws -> [any StageWorker] { [try tokenizer.makeWorker(), try sentences.makeWorker()] }
}

/// One-megabyte inputs that break splitters with backtracking or rescanning.
enum PathologicalText {
    static let size = 1_000_000

    static func repeated(_ unit: String, megabytes: Int = 1) -> String {
        String(repeating: unit, count: megabytes * size / unit.utf8.count)
    }

    /// Each input at 1 MB; the first three also at 4 MB, to show that time grows linearly.
    static let all: [(String, String)] = [
        ("digits and periods", repeated("1234567.89.", megabytes: 4)),
        ("dots", repeated(".", megabytes: 4)),
        ("one letter", repeated("a", megabytes: 4)),
        ("digits and periods", repeated("1234567.89.")),
        ("dots", repeated(".")),
        ("one letter", repeated("a")),
        ("initials", repeated("A. ")),
        ("spaced dots", repeated(". ")),
        ("question and exclamation marks", repeated("?!")),
        ("quote openers after commas", repeated(", 'a")),
        ("one word per line", repeated("word\n")),
    ]
}
