import Benchmark
import BenchmarkSupport
import Foundation
import TextPipeline
import TextPipelineStages

/// Each keyword stage alone (tokens and sentences precomputed) over the first
/// 10 MB of the corpus, with its defaults. `keywords.yake@1` must reach 40 MB/s
/// on one core. `keywords.tfidf@1` needs a document-frequency table: it is
/// timed when `$TEXTPIPE_DF` names one (`textpipe df build CORPUS -o FILE`).
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 8, maxSeconds: 30)
    slice.announce()

    var stages = [
        ("keywords.yake@1", "keywords.yake@1"),
        ("keywords.rake@1", "keywords.rake@1"),
        ("keywords.textrank@1", "keywords.textrank@1"),
    ].map { ($0.0, "\(PreparedDocuments.tokensAndSentences)\n  - use: \($0.1)\n") }
    if let table = ProcessInfo.processInfo.environment["TEXTPIPE_DF"] {
        stages.append(("keywords.tfidf@1", "\(PreparedDocuments.tokensAndSentences)\n  - use: keywords.tfidf@1\n    with: { df: \(table) }\n"))
    } else {
        print("benchmark: TEXTPIPE_DF not set; keywords.tfidf@1 is skipped")
    }

    for (name, yaml) in stages {
        StageBenchmark.lastStage("\(name)-10MB", yaml: yaml, slice: slice, configuration: configuration)
    }
}
