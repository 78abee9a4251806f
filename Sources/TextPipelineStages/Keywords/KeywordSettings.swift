import TextPipeline

/// Options every keyword stage shares, read once when the pipeline loads.
public struct KeywordSettings: Sendable {
    /// How many keywords to keep per article.
    public var top = 10
    /// The longest n-gram (or run, for RAKE) in words.
    public var maxWords = 3
    /// Candidates more similar than this to a better one are dropped (1 keeps all).
    public var dedupThreshold = 0.9
    /// Forms with fewer characters count as stop words (YAKE: 3).
    public var minLength = 3
    /// Goodness multiplier for a candidate whose words all occur in the title
    /// (partial matches get the share of their words). 1 ignores the title.
    public var titleBoost = 1.0
    /// Goodness multiplier per word beyond the first (below 1 favours single words).
    public var phraseWeight = 1.0
    /// How entities of an earlier stage shape the candidates.
    public var entities = EntityPolicy()
    /// Words that never start or end a candidate.
    public var stopWords = StopWordList()
    /// The stop-word file's name and the FNV-1a 64 checksum of its bytes, for run metrics.
    public var stopWordChecksum: [String: String] = [:]
    /// The languages the stop-word list serves (lower-case primary subtags), or nil for any:
    /// an article in another language (`Document.resolveLanguage()`) gets no keywords and a warning.
    public var languages: Set<String>? = ["en"]

    /// The defaults of every keyword stage.
    public init() {}
}
