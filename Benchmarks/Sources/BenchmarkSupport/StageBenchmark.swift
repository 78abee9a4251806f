import Benchmark
import TextPipeline
import TextPipelineStages

/// The two shapes the suites measure, registered once here.
public enum StageBenchmark {
    /// Times the last stage of `yaml` alone, over the slice's documents after
    /// `prepare`'s stages (for example tokens and sentences) have run on them.
    public static func lastStage(
        _ name: String, yaml: String, slice: CorpusSlice,
        prepare: String = PreparedDocuments.tokensAndSentences,
        configuration: Benchmark.Configuration
    ) {
        Benchmark(name, configuration: configuration) { benchmark in
            var worker = try PreparedDocuments.lastStageWorker(yaml)
            var documents = try PreparedDocuments.make(slice, through: prepare)
            benchmark.startMeasurement()
            for index in documents.indices { try worker.process(&documents[index], context: StageContext()) }
            benchmark.stopMeasurement()
            blackHole(documents)
        }
    }

    /// Times a whole pipeline, one worker, over the slice's documents built in memory beforehand.
    public static func pipelineInMemory(
        _ name: String, slice: CorpusSlice, configuration: Benchmark.Configuration,
        pipeline: @escaping @Sendable () throws -> Pipeline
    ) {
        Benchmark(name, configuration: configuration) { benchmark in
            var worker = try pipeline().makeWorker()
            var documents = slice.documents()
            benchmark.startMeasurement()
            for index in documents.indices { try worker.process(&documents[index]) }
            benchmark.stopMeasurement()
            blackHole(documents)
        }
    }
}
