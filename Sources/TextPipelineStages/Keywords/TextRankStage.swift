public import TextPipeline

/// `keywords.textrank@1`: TextRank over content words. See `TextRankScorer`.
public enum TextRankStage {
    /// The stage's declaration: id, summary, options and layers (see `StageConfiguration`).
    public static let configuration = StageConfiguration(
        id: "keywords.textrank@1", summary: "TextRank keywords: PageRank over a co-occurrence graph of content words",
        options: [OptionSpec("window", .integer, default: "3", help: "words within this distance in a sentence are linked (2 to 10)")]
            + KeywordOptions.common,
        requires: [.tokens, .sentences], provides: [.keywords],
        languages: KeywordOptions.languagesNote)

    struct Algorithm: KeywordAlgorithm {
        static var configuration: StageConfiguration { TextRankStage.configuration }
        let window: Int
        init(options: StageOptions) throws { window = try options.integer("window", default: 3, in: 2 ... 10) }
        var shape: CandidateShape { .ngrams }
        func makeScorer() -> TextRankScorer { TextRankScorer(window: window) }
    }
}
