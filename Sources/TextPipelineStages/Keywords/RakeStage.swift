public import TextPipeline

/// `keywords.rake@1`: Rapid Automatic Keyword Extraction. See `RakeScorer`.
public enum RakeStage {
    /// The stage's declaration: id, summary, options and layers (see `StageConfiguration`).
    public static let configuration = StageConfiguration(
        id: "keywords.rake@1", summary: "RAKE keywords: runs of content words scored by word degree over frequency",
        options: KeywordOptions.common, requires: [.tokens, .sentences], provides: [.keywords],
        languages: KeywordOptions.languagesNote)

    struct Algorithm: KeywordAlgorithm {
        static var configuration: StageConfiguration { RakeStage.configuration }
        init(options: StageOptions) {}
        var shape: CandidateShape { .runs }
        func makeScorer() -> RakeScorer { RakeScorer() }
    }
}
