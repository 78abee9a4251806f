import Foundation
import TextPipeline
import TextPipelineStages

/// Documents with the layers a measured stage requires already computed, so
/// the benchmark times that stage alone.
public enum PreparedDocuments {
    /// Runs `yaml`'s stages (for example tokens and sentences) over the slice's documents.
    public static func make(_ slice: CorpusSlice, through yaml: String) throws -> [Document] {
        let pipeline = try Pipeline.load(yaml: yaml, file: "prepare.yaml", baseDirectory: Repository.root.path, registry: .builtin)
        var worker = try pipeline.makeWorker()
        var documents = slice.documents()
        for index in documents.indices { try worker.process(&documents[index]) }
        return documents
    }

    /// Tokens and sentences as the default pipeline makes them.
    public static let tokensAndSentences = """
        version: 1
        stages:
          - use: tokenize.icu@1
          - use: sentences.icu@1
            with: { newline: auto }
        """

    /// The per-worker processor of the last stage of `yaml` (earlier stages are only for wiring).
    public static func lastStageWorker(_ yaml: String) throws -> any StageWorker {
        let pipeline = try Pipeline.load(yaml: yaml, file: "bench.yaml", baseDirectory: Repository.root.path, registry: .builtin)
        return try pipeline.stages[pipeline.stages.count - 1].makeWorker()
    }
}
