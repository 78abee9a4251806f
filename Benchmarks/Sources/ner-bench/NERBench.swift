import ArgumentParser
import Foundation
import TextPipeline
import TextPipelineStages

/// Measures `ner.gazetteer@1` on a large gazetteer: compile time, load time,
/// and matching throughput over a corpus prefix with tokenization excluded
/// (documents are tokenized and split into sentences before the clock starts).
@main
struct NERBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ner-bench", abstract: "Benchmark gazetteer compile, load and matching.")

    @Option(help: "TSV gazetteer source.")
    var gazetteer = "../../shared/data/bench/gazetteer_1m.tsv"

    @Option(help: "Corpus (JSON lines with a text field).")
    var corpus = "../../shared/data/corpus/news.jsonl"

    @Option(help: "Megabytes (10^6 bytes) of article text to match, from the top of the corpus.")
    var megabytes = 10.0

    @Option(help: "Only the first N entries of the gazetteer (0: all).")
    var entries = 0

    @Option(help: "Matching repetitions; the best is reported.")
    var repetitions = 3

    @Option(help: "Where to write the compiled gazetteer.")
    var output = "/tmp/ner-bench.tpg"

    @Flag(help: "Use the compiled gazetteer already at --output (skip compiling).")
    var reuse = false

    @Flag(help: "Skip the run with context rules.")
    var lookupOnly = false

    func run() throws {
        let clock = ContinuousClock()
        var sources = [gazetteer]
        if entries > 0 {
            let prefix = try String(contentsOfFile: gazetteer, encoding: .utf8).split(separator: "\n").prefix(entries).joined(separator: "\n")
            let path = "/tmp/ner-bench-\(entries).tsv"
            try prefix.write(toFile: path, atomically: true, encoding: .utf8)
            sources = [path]
        }
        var compiled: [UInt8] = []
        if !reuse {
            let compile = try clock.measure {
                compiled = try GazetteerCompiler.compile(sources: sources).bytes
                try GazetteerCompiler.write(compiled, to: output)
            }
            report("compile (parse, tokenize, build, write)", compile, extra: "\(compiled.count) bytes")
        }
        var loaded: CompiledGazetteer?
        let load = try clock.measure { loaded = try CompiledGazetteer(path: output) }
        report("load (map and check)", load)
        guard let gazetteer = loaded else { return }
        let documents = try prepare()
        let bytes = documents.reduce(0) { $0 + $1.utf8.count }
        for rules in lookupOnly ? [false] : [false, true] {
            let stage = try GazetteerNERStage(gazetteers: [gazetteer], rules: rules)
            var best = Duration.seconds(1_000_000)
            var bestCPU = 1e9
            var entities = 0
            for _ in 0 ..< repetitions {
                var worker = try stage.makeWorker()
                var copies = documents
                let cpuStart = Self.threadCPUSeconds()
                let elapsed = try clock.measure {
                    for index in copies.indices { try worker.process(&copies[index], context: StageContext()) }
                }
                bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuStart)
                entities = copies.reduce(0) { $0 + $1.entities.count }
                best = min(best, elapsed)
            }
            let rate = Double(bytes) / 1e6 / seconds(best), cpuRate = Double(bytes) / 1e6 / bestCPU
            report(
                rules ? "matching + rules" : "matching (lookup only)", best,
                extra: String(
                    format: "%.1f MB/s wall, %.1f MB/s of thread CPU time, over %.1f MB, %d entities",
                    rate, cpuRate, Double(bytes) / 1e6, entities))
        }
    }

    /// Reads and tokenizes the corpus prefix (not timed).
    func prepare() throws -> [Document] {
        let tokenizer = try ICUTokenizerStage(locale: "en").makeWorker()
        let sentences = try ICUSentenceStage(locale: "en").makeWorker()
        var tokenize = tokenizer, split = sentences
        var documents: [Document] = []
        var total = 0
        let limit = Int(megabytes * 1e6)
        let data = try String(contentsOfFile: corpus, encoding: .utf8)
        for line in data.split(separator: "\n") where total < limit {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            var document = Document(text: text)
            try tokenize.process(&document, context: StageContext())
            try split.process(&document, context: StageContext())
            total += document.utf8.count
            documents.append(document)
        }
        return documents
    }

    /// CPU time of the calling thread: robust when other processes share the cores.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func report(_ what: String, _ duration: Duration, extra: String = "") {
        print(what.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%9.1f ms  ", seconds(duration) * 1000) + extra)
    }
}
