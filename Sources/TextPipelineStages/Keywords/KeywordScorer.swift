import TextPipeline

/// The algorithm-specific half of a keyword stage: gives every candidate a
/// *goodness*, a positive number where higher is better.
///
/// One scorer lives in each worker and keeps its scratch buffers between
/// documents. Everything else (words, candidates, boosts, ranking,
/// near-duplicate removal, output) is shared by ``KeywordWorker``.
protocol KeywordScorer {
    /// Whether ``fillBound(_:unigrams:into:)`` bounds n-grams (``CandidateBound``).
    var boundsCandidates: Bool { get }
    /// Called once per document before candidates are collected (`stopPairs`: some candidate may
    /// hold two adjacent stop words), for what needs the words only.
    mutating func prepare(_ analysis: TermAnalysis, stopPairs: Bool)
    /// After ``prepare(_:stopPairs:)``, when ``boundsCandidates``: fills the bound's
    /// ``CandidateBound/termFactor`` and offers it the goodness of every one-word candidate
    /// (``CandidateBound/offer(_:inTitle:)``; `unigrams`: per term, its occurrences as one).
    func fillBound(_ analysis: TermAnalysis, unigrams: Column<Int32>, into bound: CandidateBound)
    /// Fills `goodness` with one positive value per candidate of `candidates`.
    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>)
    /// The score written to output for a goodness, strictly increasing.
    func outputScore(_ goodness: Double) -> Double
}

extension KeywordScorer {
    func outputScore(_ goodness: Double) -> Double { goodness }
    var boundsCandidates: Bool { false }
    func prepare(_ analysis: TermAnalysis, stopPairs: Bool) {}
    func fillBound(_ analysis: TermAnalysis, unigrams: Column<Int32>, into bound: CandidateBound) {}
}

/// What a keyword stage needs to know about its algorithm. A small `Sendable`
/// value built from the stage's options.
protocol KeywordAlgorithm: Sendable {
    associatedtype Scorer: KeywordScorer
    /// The declaration of the stage that runs this algorithm (its options include ``KeywordOptions/common``).
    static var configuration: StageConfiguration { get }
    /// Reads the algorithm's own options; ``KeywordOptions`` reads the common ones.
    init(options: StageOptions) throws
    /// Checksums of the resources the algorithm loaded (file name → hex digest).
    var checksums: [String: String] { get }
    /// How candidates are cut out of blocks.
    var shape: CandidateShape { get }
    /// A fresh scorer for one worker.
    func makeScorer() -> Scorer
}

extension KeywordAlgorithm {
    var checksums: [String: String] { [:] }
}
