import TextPipeline

/// `keywords.textrank@1`: TextRank over content words. See ``TextRankScorer``.
public enum TextRankStage {
    public static let id = StageID(name: "keywords.textrank", version: 1)

    struct Algorithm: KeywordAlgorithm {
        static var id: StageID { TextRankStage.id }
        let window: Int
        var shape: CandidateShape { .ngrams }
        func makeScorer() -> TextRankScorer { TextRankScorer(window: window) }
    }

    public static let options = [
        OptionSpec("window", .integer, default: "3", help: "words within this distance in a sentence are linked (2 to 10)"),
    ] + KeywordOptions.common

    public static let factory = StageFactory(
        id: id, summary: "TextRank keywords: PageRank over a co-occurrence graph of content words", options: options,
        requires: [.tokens, .sentences], provides: [.keywords], languages: KeywordOptions.languagesNote
    ) { options in
        let window = try options.integer("window", default: 3, in: 2 ... 10)
        return KeywordStage(algorithm: Algorithm(window: window), settings: try KeywordOptions.read(options))
    }
}
