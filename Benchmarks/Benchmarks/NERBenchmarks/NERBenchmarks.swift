import Benchmark
import BenchmarkSupport
import Foundation
import TextPipeline
import TextPipelineStages

/// `ner.gazetteer@1` alone (tokens and sentences precomputed) over the first
/// 10 MB of the corpus, with:
/// - the default gazetteers of `Pipelines/news-en.yaml` and its context rules;
/// - the first 100k and all 1M entries of `../shared/data/bench/gazetteer_1m.tsv`,
///   lookup only (no rules), the sizes at which peers are compared.
/// Gazetteers are compiled (into `$TMPDIR/textpipe-bench-cache`) before timing.
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 8, maxSeconds: 30)
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-bench-cache").path
    slice.announce()

    var variants: [(String, String)] = [
        (
            "ner.gazetteer@1-news-en-default-10MB",
            """
            \(PreparedDocuments.tokensAndSentences)
              - use: ner.gazetteer@1
                with:
                  gazetteers: [Pipelines/gazetteers/curated.tsv, Pipelines/gazetteers/places.tsv, Pipelines/gazetteers/organisations.tsv,
                               Pipelines/gazetteers/people.tsv, Pipelines/gazetteers/misc.tsv, Pipelines/gazetteers/names.tsv]
                  case: insensitive
                  rules: default
                  cache: \(cache)
            """
        )
    ]
    if let million = BenchGazetteer.path() {
        for (label, entries) in [("100k", 100_000), ("1M", 1_000_000)] {
            let source = BenchGazetteer.prefix(of: million, entries: entries, in: cache)
            variants.append(
                (
                    "ner.gazetteer@1-\(label)-entries-lookup-10MB",
                    """
                    \(PreparedDocuments.tokensAndSentences)
                      - use: ner.gazetteer@1
                        with: { gazetteers: [\(source)], case: insensitive, rules: none, cache: \(cache) }
                    """
                ))
        }
    } else {
        print("benchmark: ../shared/data/bench/gazetteer_1m.tsv not found; the 100k and 1M suites are skipped")
    }

    for (name, yaml) in variants {
        StageBenchmark.lastStage(name, yaml: yaml, slice: slice, configuration: configuration)
    }
}

/// The shared 1M-entry benchmark gazetteer and its prefixes.
enum BenchGazetteer {
    static func path() -> String? {
        let path = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/data/bench/gazetteer_1m.tsv").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// A TSV of the first `entries` lines of `source`, written once into `folder`.
    static func prefix(of source: String, entries: Int, in folder: String) -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("gazetteer-\(entries).tsv").path
        if FileManager.default.fileExists(atPath: path) { return path }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = (try? String(contentsOfFile: source, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(entries)
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }
}
