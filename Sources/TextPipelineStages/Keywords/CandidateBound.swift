import Foundation

/// Which n-grams cannot be among an article's best candidates, told from their terms alone,
/// so that ``CandidateCollector`` skips them instead of counting and scoring them.
///
/// A scorer that supports it (``KeywordScorer/fillBound(_:unigrams:into:)``) fills
/// ``termFactor`` such that the goodness of an n-gram of at most three words, before boosts,
/// is at most `Π termFactor(t) × tf`, where `tf` is its frequency, which is at most the count
/// of any of its terms, and offers the goodness of every one-word candidate (they are always
/// collected; ``begin(limit:analysis:settings:)``, ``offer(_:inTitle:)``, ``finish()``): the
/// `limit`-th best, boosts included, is the ``threshold``: an n-gram whose bound, boosts included, stays below it is
/// beaten by `limit` candidates and so is never among the `limit` best the ranker preselects.
/// Skipped n-grams leave the others' order unchanged; when the ranker needs more than its
/// preselection it asks for the complete table instead (``KeywordRanker/rank``).
struct CandidateBound {
    /// Per term: its factor in the bound (1 for a stop word).
    let termFactor = Column<Double>()
    /// At index `n`: the largest multiplier boosts apply to an `n`-word candidate, with a margin
    /// for rounding. Filled by ``begin(limit:analysis:settings:)``.
    let lengthFactor = Column<Double>()
    /// N-grams whose bound is below this are skipped; `-infinity` keeps every candidate.
    private(set) var threshold = -Double.infinity
    /// The `limit` best lower bounds of one-word candidates' goodness, worst first.
    private let best = Column<Double>()
    private var limit = 0
    private var entityFloor = 1.0
    private var titleFactor = 1.0

    /// The longest n-gram the bound holds for: with at most three words, a stop word can only
    /// stand alone in the middle, where it multiplies the product of `H` by at least 1 and
    /// lowers their sum.
    static let maxWords = 3

    /// Whether n-grams are skipped at all.
    var prunes: Bool { threshold > -Double.infinity }

    /// Keeps every candidate (the state a scorer without bounds leaves).
    mutating func keepAll() { threshold = -.infinity }

    /// Starts gathering the one-word candidates' goodness for ``threshold``: sets the boost bounds
    /// of `settings` for `analysis`; then ``offer(_:inTitle:)`` each, then ``finish(limit:)``.
    mutating func begin(limit: Int, analysis: TermAnalysis, settings: KeywordSettings) {
        threshold = -.infinity
        self.limit = limit
        let titleBoost = analysis.titleTerms > 0 ? settings.titleBoost : 1
        prepareLengthFactors(settings: settings, titleBoost: titleBoost)
        // An entity boost below 1 may apply to any one-word candidate; one above 1 only raises it.
        entityFloor = min(1, settings.entities.boost) * (1 - 1e-9)
        // ``KeywordRanker/applyBoosts(_:analysis:candidates:settings:)`` multiplies a one-word
        // candidate of the title by this (its one content word is in the title).
        titleFactor = titleBoost != 1 ? 1 + (titleBoost - 1) : 1
        best.removeAll()
    }

    /// Takes the goodness, before boosts, of a content term's one-word candidate
    /// (`inTitle`: the term is a word of the title) into account.
    @inline(__always)
    func offer(_ goodness: Double, inTitle: Bool) {
        keep(goodness * entityFloor * (inTitle ? titleFactor : 1), limit: limit)
    }

    /// Whether offering a one-word candidate whose goodness before boosts is at most
    /// `estimate × (1 + 1e-9)` may change ``threshold``: false only when ``offer(_:inTitle:)``
    /// would surely leave it unchanged, so the caller may skip computing the exact goodness.
    @inline(__always)
    func mayTake(atMost estimate: Double, inTitle: Bool) -> Bool {
        best.count < limit || estimate * (1 + 1e-9) * entityFloor * (inTitle ? titleFactor : 1) > best[0]
    }

    /// Sets ``threshold`` to the `limit`-th largest lower bound offered, or keeps every candidate
    /// when fewer were offered.
    mutating func finish() {
        threshold = limit > 0 && best.count == limit ? best[0] : -.infinity
    }

    /// Inserts `value` into ``best`` (sorted, worst first) when it is among the `limit` largest.
    @inline(__always)
    private func keep(_ value: Double, limit: Int) {
        guard best.count < limit || value > best[0] else { return }
        if best.count == limit {
            // Drop the worst: shift the others down until `value`'s place.
            var index = 0
            while index + 1 < limit, best[index + 1] < value {
                best[index] = best[index + 1]
                index += 1
            }
            best[index] = value
        } else {
            best.append(value)
            var index = best.count - 1
            while index > 0, best[index - 1] > value {
                best[index] = best[index - 1]
                index -= 1
            }
            best[index] = value
        }
    }

    /// Fills ``lengthFactor`` for 0 ... ``maxWords`` words: the phrase weight (the ranker's `pow`),
    /// the larger of 1 and each boost, and a margin far above the rounding of either side.
    private func prepareLengthFactors(settings: KeywordSettings, titleBoost: Double) {
        lengthFactor.removeAll()
        let boosts = max(1, settings.entities.boost) * max(1, titleBoost) * (1 + 1e-6)
        for words in 0 ... Self.maxWords {
            let phrase = words > 1 ? pow(settings.phraseWeight, Double(words - 1)) : 1
            lengthFactor.append(phrase * boosts)
        }
    }
}
