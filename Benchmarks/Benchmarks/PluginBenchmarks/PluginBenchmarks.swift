import Benchmark
import BenchmarkSupport
import Foundation
import TextPipeline
import TextPipelineStages

/// Custom-stage routes over the first 10 MB of the corpus, one worker, in memory:
/// - tokens + sentences alone (the baseline);
/// - the same plus `rules.tokens@1` with `Examples/rules/news-rules.yaml`;
/// - the same plus `external@1` running `Examples/external-stage/trivial_stage.py`.
/// Differences to the baseline are each route's cost; malloc counts show that
/// rules allocate per article, not per token.
let benchmarks: @Sendable () -> Void = {
    let slice = CorpusSlice.load(megabytes: 10)
    let configuration = SuiteConfiguration.make(maxIterations: 8, maxSeconds: 30)
    let examples = Repository.root.appendingPathComponent("Examples").path
    let base = """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: sentences.icu@1

        """
    let variants: [(String, String)] = [
        ("tokens+sentences", base),
        ("tokens+sentences+rules.tokens@1", base + "  - use: rules.tokens@1\n    with: { rules: rules/news-rules.yaml }\n"),
        (
            "tokens+sentences+external@1-trivial-python",
            base + """
                  - use: external@1
                    with: { name: trivial, command: [python3, external-stage/trivial_stage.py], attributes: [length] }

                """
        ),
    ]
    slice.announce()

    for (name, yaml) in variants {
        StageBenchmark.pipelineInMemory("\(name)-in-memory-1-worker-10MB", slice: slice, configuration: configuration) {
            try Pipeline.load(yaml: yaml, file: name, baseDirectory: examples, registry: .builtin)
        }
    }
}
