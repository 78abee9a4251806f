import TextPipeline

/// The per-worker processor of every keyword stage: words, candidates,
/// algorithm, boosts, ranking. Holds all scratch buffers, so a document
/// costs no allocation per token once the buffers have grown.
struct KeywordWorker<Algorithm: KeywordAlgorithm>: StageWorker {
    let settings: KeywordSettings
    let shape: CandidateShape
    var scorer: Algorithm.Scorer
    var analysis = TermAnalysis()
    var collector = CandidateCollector()
    var ranker = KeywordRanker()
    let goodness = Column<Double>()
    var bound = CandidateBound()
    /// Per term: its occurrences as a one-word candidate, for ``bound``.
    let unigrams = Column<Int32>()

    init(algorithm: Algorithm, settings: KeywordSettings) {
        self.settings = settings
        self.shape = algorithm.shape
        self.scorer = algorithm.makeScorer()
    }

    /// Replaces `document.keywords` with the article's best keywords, best first; for an
    /// article in a language the stop words do not serve, with none and a warning.
    mutating func process(_ document: inout Document, context: StageContext) throws {
        if let languages = settings.languages, case let language = document.resolveLanguage(), !languages.contains(language.code) {
            document.keywords = []
            return document.warnings.append(
                "\(Algorithm.configuration.id): no keywords: language \(language.described), "
                    + "the stop words serve \(languages.sorted().joined(separator: ", "))")
        }
        document.keywords = try keywords(of: document, context: context)
    }

    /// The best keywords of `document`, best first. Pure: the document is not changed.
    mutating func keywords(of document: Document, context: StageContext = StageContext()) throws -> [Keyword] {
        analysis.analyse(document, stopWords: settings.stopWords, minLength: settings.minLength)
        if settings.titleBoost != 1 { analysis.markTitle(document.title) }
        try context.checkDeadline()
        collector.prepare(analysis, document: document, shape: shape, maxWords: settings.maxWords, entities: settings.entities)
        scorer.prepare(analysis, stopPairs: collector.mayHoldAdjacentStopWords)
        bound.keepAll()
        if scorer.boundsCandidates, shape == .ngrams, collector.countUnigrams(analysis, into: unigrams) {
            bound.begin(limit: KeywordRanker.preselection(top: settings.top), analysis: analysis, settings: settings)
            scorer.fillBound(analysis, unigrams: unigrams, into: bound)
            bound.finish()
        }
        collector.collect(analysis, shape: shape, maxWords: settings.maxWords, bound: bound)
        if let keywords = try rankCollected(document, context: context) { return keywords }
        // Near-duplicates used up the candidates the bound kept: collect them all.
        collector.collect(analysis, shape: shape, maxWords: settings.maxWords, bound: nil)
        return try rankCollected(document, context: context) ?? []
    }

    /// Scores, boosts and ranks the collected candidates; nil when the ranker needs the ones
    /// the collector skipped.
    private mutating func rankCollected(_ document: Document, context: StageContext) throws -> [Keyword]? {
        goodness.removeAll()
        goodness.append(repeating: 0, count: collector.table.count)
        scorer.score(analysis, candidates: collector.table, into: goodness)
        // Once the collector used the bound, so do the boosts.
        let bounded = collector.usedBound
        ranker.applyBoosts(goodness, analysis: analysis, candidates: collector.table, settings: settings, bound: bounded ? bound : nil)
        try context.checkDeadline()
        return ranker.rank(
            goodness, analysis: analysis, candidates: collector.table, document: document, settings: settings, scorer: scorer,
            complete: !bounded)
    }
}

/// A keyword stage: one algorithm plus the shared settings. Registered once per algorithm
/// (`KeywordStage<YakeStage.Algorithm>`), with the algorithm's declaration.
struct KeywordStage<Algorithm: KeywordAlgorithm>: Stage {
    static var configuration: StageConfiguration { Algorithm.configuration }

    let algorithm: Algorithm
    let settings: KeywordSettings

    init(algorithm: Algorithm, settings: KeywordSettings) {
        self.algorithm = algorithm
        self.settings = settings
    }

    init(options: StageOptions) throws {
        self.init(algorithm: try Algorithm(options: options), settings: try KeywordOptions.read(options))
    }

    /// The declared layers, plus `entities` when an entity option is on.
    var requires: [LayerName] { settings.entities.usesEntities ? Self.configuration.requires + [.entities] : Self.configuration.requires }
    var resourceChecksums: [String: String] { algorithm.checksums.merging(settings.stopWordChecksum) { first, _ in first } }

    func makeWorker() throws -> any StageWorker { KeywordWorker(algorithm: algorithm, settings: settings) }
}
