import TextPipeline

/// `keywords.rake@1`: Rapid Automatic Keyword Extraction. See ``RakeScorer``.
public enum RakeStage {
    public static let id = StageID(name: "keywords.rake", version: 1)

    struct Algorithm: KeywordAlgorithm {
        static var id: StageID { RakeStage.id }
        var shape: CandidateShape { .runs }
        func makeScorer() -> RakeScorer { RakeScorer() }
    }

    public static let factory = StageFactory(
        id: id, summary: "RAKE keywords: runs of content words scored by word degree over frequency", options: KeywordOptions.common,
        requires: [.tokens, .sentences], provides: [.keywords], languages: KeywordOptions.languagesNote
    ) { options in
        KeywordStage(algorithm: Algorithm(), settings: try KeywordOptions.read(options))
    }
}
