import Foundation
import TextPipeline

/// Applies boosts, ranks candidates best first, drops near-duplicates and
/// writes the top ones as ``Keyword`` values. Shared by every keyword stage.
struct KeywordRanker {
    /// Candidate indices, best first once ``selectBest(_:count:limit:)`` is done (a heap while it runs).
    private let order = Column<Int32>()
    /// Folded forms of the kept keywords, then of the candidate under test.
    private let keyBytes = Column<UInt8>()
    private var keyStarts: [Int] = [0]
    private var similarity = NearDuplicates()
    /// `pow(phraseFactorWeight, n)` at index `n`, filled on demand by ``phraseFactor(_:words:)``.
    private let phraseFactors = Column<Double>()
    private var phraseFactorWeight = Double.nan

    /// Multiplies `goodness` by the phrase weight and the entity and title boosts of `settings`.
    /// With a `bound` that prunes, sets to 0 instead the goodness of each candidate of at most
    /// ``CandidateBound/maxWords`` words that cannot reach its threshold even boosted:
    /// ``rank(_:analysis:candidates:document:settings:scorer:complete:)`` must then be told the
    /// table is not complete.
    mutating func applyBoosts(
        _ goodness: Column<Double>, analysis: TermAnalysis, candidates: CandidateTable, settings: KeywordSettings,
        bound: CandidateBound? = nil
    ) {
        let entityBoost = settings.entities.boost
        // No candidate has a word of the title when no term of the article has.
        let titleBoost = analysis.titleTerms > 0 ? settings.titleBoost : 1
        let phraseWeight = settings.phraseWeight
        guard entityBoost != 1 || titleBoost != 1 || phraseWeight != 1 else { return }
        let (values, length, isEntity) = (goodness.base, candidates.length.base, candidates.isEntity.base)
        let (flags, terms, stats) = (analysis.wordFlags.base, analysis.wordTerm.base, analysis.terms.base)
        let pruned = bound.map { $0.prunes } ?? false
        let (lengthFactor, threshold) = pruned ? (bound!.lengthFactor.base, bound!.threshold) : (nil, -Double.infinity)
        for index in 0 ..< candidates.count {
            if let lengthFactor, length[index] <= CandidateBound.maxWords, values[index] * lengthFactor[Int(length[index])] < threshold {
                values[index] = 0
                continue
            }
            if phraseWeight != 1, length[index] > 1 { values[index] *= phraseFactor(phraseWeight, words: Int(length[index])) }
            if entityBoost != 1, isEntity[index] { values[index] *= entityBoost }
            if titleBoost != 1 {
                let (inTitle, content) = titleShare(candidates.words(index), flags: flags, terms: terms, stats: stats)
                if inTitle > 0 { values[index] *= 1 + (titleBoost - 1) * Double(inTitle) / Double(content) }
            }
        }
    }

    /// How many of `words` are content words (not stop words), and how many of those have a term of the title.
    @inline(__always)
    private func titleShare(
        _ words: Range<Int>, flags: UnsafeMutablePointer<UInt8>, terms: UnsafeMutablePointer<Int32>, stats: UnsafeMutablePointer<TermStats>
    ) -> (inTitle: Int, content: Int) {
        if words.count == 1 {
            // The commonest candidate, without the loop.
            let word = words.lowerBound
            guard flags[word] & TermAnalysis.stopFlag == 0 else { return (0, 0) }
            return (stats[Int(terms[word])].inTitle ? 1 : 0, 1)
        }
        var inTitle = 0
        var content = 0
        for word in words where flags[word] & TermAnalysis.stopFlag == 0 {
            content += 1
            if stats[Int(terms[word])].inTitle { inTitle += 1 }
        }
        return (inTitle, content)
    }

    /// `pow(weight, words - 1)`, computed once per length and weight (the same `pow` call).
    @inline(__always)
    private mutating func phraseFactor(_ weight: Double, words: Int) -> Double {
        if weight != phraseFactorWeight {
            phraseFactorWeight = weight
            phraseFactors.removeAll()
        }
        while phraseFactors.count < words { phraseFactors.append(pow(weight, Double(phraseFactors.count))) }
        return phraseFactors[words - 1]
    }

    /// How many of the best candidates are ranked first; near-duplicates rarely use them up.
    static func preselection(top: Int) -> Int { top + 6 }

    /// The best `settings.top` candidates, best first, without near-duplicates.
    /// Ties go to the candidate that occurs first.
    /// - Parameter complete: whether `candidates` holds every candidate, or only every one
    ///   that can be among the ``preselection(top:)`` best (``CandidateBound``).
    /// - Returns: nil when near-duplicates use up the preselection of an incomplete table:
    ///   rank the complete one then.
    mutating func rank<Scorer: KeywordScorer>(
        _ goodness: Column<Double>, analysis: TermAnalysis, candidates: CandidateTable,
        document: Document, settings: KeywordSettings, scorer: Scorer, complete: Bool = true
    ) -> [Keyword]? {
        guard settings.top > 0, candidates.count > 0 else { return [] }
        selectBest(goodness, count: candidates.count, limit: Self.preselection(top: settings.top))
        var keywords: [Keyword] = []
        keywords.reserveCapacity(min(settings.top, candidates.count))
        keyBytes.removeAll()
        keyStarts.removeAll(keepingCapacity: true)
        keyStarts.append(0)
        var position = 0
        while keywords.count < settings.top {
            if position == order.count {
                // Near-duplicates used up the preselection: rank everything.
                guard complete else { return nil }
                guard order.count < candidates.count else { break }
                selectBest(goodness, count: candidates.count, limit: candidates.count)
            }
            let candidate = order[position]
            position += 1
            buildKey(Int(candidate), analysis: analysis, candidates: candidates)
            if settings.dedupThreshold < 1, isNearDuplicate(threshold: settings.dedupThreshold) { continue }
            keyStarts.append(keyBytes.count)
            keywords.append(
                Keyword(
                    text: surface(Int(candidate), analysis: analysis, candidates: candidates, document: document),
                    score: scorer.outputScore(goodness[Int(candidate)])))
        }
        return keywords
    }

    /// Fills ``order`` with the best `limit` candidates, best first (ties: earlier candidate first).
    /// - Complexity: O(n log limit).
    private mutating func selectBest(_ goodness: Column<Double>, count: Int, limit: Int) {
        order.removeAll()
        goodness.withUnsafeBufferPointer { values in
            if limit >= count {
                order.append(contentsOf: 0 ..< Int32(count))
            } else {
                // A heap of the best `limit`, worst at the root.
                order.reserveCapacity(limit)
                for candidate in 0 ..< Int32(limit) {
                    order.append(candidate)
                    siftUp(order.count - 1, values)
                }
                // Later candidates lose ties to everything in the heap: only a
                // strictly greater goodness than the root's gets in.
                var worst = values[Int(order[0])]
                for candidate in limit ..< count where values[candidate] > worst {
                    order[0] = Int32(truncatingIfNeeded: candidate)
                    siftDown(0, values)
                    worst = values[Int(order[0])]
                }
            }
            var ranked = UnsafeMutableBufferPointer(start: order.base, count: order.count)
            if ranked.count <= Self.insertionSortLimit {
                Self.insertionSort(ranked, values)
            } else {
                ranked.sort { Self.isBetter($0, than: $1, values) }
            }
        }
    }

    /// Up to this many candidates, ``selectBest(_:count:limit:)`` sorts by insertion (a preselection).
    private static let insertionSortLimit = 64

    /// Sorts `ranked` best first. ``isBetter(_:than:_:)`` is a strict total order (ties go to the
    /// lower index), so the result is the one `sort` gives.
    private static func insertionSort(_ ranked: UnsafeMutableBufferPointer<Int32>, _ values: UnsafeBufferPointer<Double>) {
        for index in ranked.indices.dropFirst() {
            let candidate = ranked[index]
            var slot = index
            while slot > 0, isBetter(candidate, than: ranked[slot - 1], values) {
                ranked[slot] = ranked[slot - 1]
                slot -= 1
            }
            ranked[slot] = candidate
        }
    }

    @inline(__always)
    private static func isBetter(_ a: Int32, than b: Int32, _ values: UnsafeBufferPointer<Double>) -> Bool {
        let x = values[Int(a)]
        let y = values[Int(b)]
        return x != y ? x > y : a < b
    }

    private func siftUp(_ index: Int, _ values: UnsafeBufferPointer<Double>) {
        var child = index
        while child > 0 {
            let parent = (child &- 1) / 2
            guard Self.isBetter(order[parent], than: order[child], values) else { return }
            order.swapAt(parent, child)
            child = parent
        }
    }

    private func siftDown(_ index: Int, _ values: UnsafeBufferPointer<Double>) {
        var parent = index
        while true {
            var worst = parent
            let left = 2 &* parent &+ 1
            if left < order.count, Self.isBetter(order[worst], than: order[left], values) { worst = left }
            if left + 1 < order.count, Self.isBetter(order[worst], than: order[left + 1], values) { worst = left + 1 }
            guard worst != parent else { return }
            order.swapAt(parent, worst)
            parent = worst
        }
    }

    /// Replaces the key under test with the folded form of `candidate` (terms joined by spaces).
    private func buildKey(_ candidate: Int, analysis: TermAnalysis, candidates: CandidateTable) {
        keyBytes.removeLast(keyBytes.count - keyStarts[keyStarts.count - 1])
        let words = candidates.words(candidate)
        for word in words {
            if word > words.lowerBound { keyBytes.append(0x20) }
            keyBytes.append(contentsOf: analysis.table.key(analysis.wordTerm[word]))
        }
    }

    private func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = keyStarts[index]
        let end = index + 1 < keyStarts.count ? keyStarts[index + 1] : keyBytes.count
        return UnsafeBufferPointer(start: keyBytes.base + start, count: end - start)
    }

    /// Whether the key under test is too similar to a kept one.
    private mutating func isNearDuplicate(threshold: Double) -> Bool {
        let kept = keyStarts.count - 1
        let candidate = key(kept)
        for other in 0 ..< kept where similarity.exceeds(candidate, key(other), threshold: threshold) {
            return true
        }
        return false
    }

    /// The text of the candidate's first occurrence, without a final possessive; its first
    /// letter in lower case when that occurrence opens a sentence and the article writes the
    /// word in lower case elsewhere ("Year" at a sentence start and "year" later give "year",
    /// so one keyword does not show as two forms across articles).
    private func surface(_ candidate: Int, analysis: TermAnalysis, candidates: CandidateTable, document: Document) -> String {
        let words = candidates.words(candidate)
        let start = Int(document.tokens.starts[Int(analysis.words[words.lowerBound].firstToken)])
        var text = document.text(bytes: start ..< Int(analysis.words[words.upperBound - 1].surfaceEnd))
        if !candidates.isEntity[candidate], isFoldableSentenceOpener(word: words.lowerBound, at: start, analysis: analysis, document: document) {
            text = text.prefix(1).lowercased() + text.dropFirst()
        }
        return text
    }

    /// Whether `word` (starting at byte `start`) is a capitalised word (`Xy...`) opening its
    /// sentence whose term occurs later in the article starting with a small letter.
    private func isFoldableSentenceOpener(word: Int, at start: Int, analysis: TermAnalysis, document: Document) -> Bool {
        let text = document.utf8
        guard start + 1 < text.count, text[start] &- 0x41 < 26, text[start + 1] &- 0x61 < 26,
            word == 0 || analysis.words[word - 1].sentence != analysis.words[word].sentence
        else { return false }
        let term = analysis.wordTerm[word]
        for later in word + 1 ..< analysis.wordCount where analysis.wordTerm[later] == term {
            if text[Int(document.tokens.starts[Int(analysis.words[later].firstToken)])] &- 0x61 < 26 { return true }
        }
        return false
    }
}
