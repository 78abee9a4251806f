public import TextPipeline

/// `keywords.yake@1`: YAKE keyword extraction, unsupervised and per article.
///
/// See `YakeScorer` for the features and formulas. Output scores are
/// `1 / (1 + H)`: higher is better, in (0, 1], comparable within an article.
public enum YakeStage {
    /// The stage's declaration: id, summary, options and layers (see `StageConfiguration`).
    public static let configuration = StageConfiguration(
        id: "keywords.yake@1", summary: "YAKE keywords: casing, position, frequency, relatedness and spread of words",
        options: KeywordOptions.common, requires: [.tokens, .sentences], provides: [.keywords],
        languages: KeywordOptions.languagesNote)

    struct Algorithm: KeywordAlgorithm {
        static var configuration: StageConfiguration { YakeStage.configuration }
        init(options: StageOptions) {}
        var shape: CandidateShape { .ngrams }
        func makeScorer() -> YakeScorer { YakeScorer() }
    }
}
