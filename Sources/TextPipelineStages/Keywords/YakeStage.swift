import TextPipeline

/// `keywords.yake@1`: YAKE keyword extraction, unsupervised and per article.
///
/// See ``YakeScorer`` for the features and formulas. Output scores are
/// `1 / (1 + H)`: higher is better, in (0, 1], comparable within an article.
public enum YakeStage {
    public static let id = StageID(name: "keywords.yake", version: 1)

    struct Algorithm: KeywordAlgorithm {
        static var id: StageID { YakeStage.id }
        var shape: CandidateShape { .ngrams }
        func makeScorer() -> YakeScorer { YakeScorer() }
    }

    public static let factory = StageFactory(
        id: id, summary: "YAKE keywords: casing, position, frequency, relatedness and spread of words", options: KeywordOptions.common,
        requires: [.tokens, .sentences], provides: [.keywords], languages: KeywordOptions.languagesNote
    ) { options in
        KeywordStage(algorithm: Algorithm(), settings: try KeywordOptions.read(options))
    }
}
