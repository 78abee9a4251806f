import Foundation
import TextPipeline

/// Applies boosts, ranks candidates best first, drops near-duplicates and
/// writes the top ones as ``Keyword`` values. Shared by every keyword stage.
struct KeywordRanker {
    private var order: [Int32] = []
    private var keys: [[UInt8]] = []
    private var similarity = NearDuplicates()

    /// Multiplies `goodness` by the phrase weight and the entity and title boosts of `settings`.
    func applyBoosts(_ goodness: Column<Double>, analysis: TermAnalysis, candidates: CandidateTable, settings: KeywordSettings) {
        let entityBoost = settings.entities.boost
        let titleBoost = settings.titleBoost
        let phraseWeight = settings.phraseWeight
        guard entityBoost != 1 || titleBoost != 1 || phraseWeight != 1 else { return }
        for index in 0 ..< candidates.count {
            if phraseWeight != 1, candidates.length[index] > 1 {
                goodness[index] *= pow(phraseWeight, Double(candidates.length[index] - 1))
            }
            if entityBoost != 1, candidates.isEntity[index] { goodness[index] *= entityBoost }
            if titleBoost != 1 {
                let first = Int(candidates.firstWord[index])
                let count = Int(candidates.length[index])
                var inTitle = 0
                var content = 0
                for word in first ..< first + count {
                    let term = Int(analysis.wordTerm[word])
                    if analysis.terms[term].isStop { continue }
                    content += 1
                    if analysis.terms[term].inTitle { inTitle += 1 }
                }
                if inTitle > 0 { goodness[index] *= 1 + (titleBoost - 1) * Double(inTitle) / Double(content) }
            }
        }
    }

    /// The best `settings.top` candidates, best first, without near-duplicates.
    /// Ties go to the candidate that occurs first.
    mutating func rank<Scorer: KeywordScorer>(_ goodness: Column<Double>, analysis: TermAnalysis, candidates: CandidateTable,
                                              document: Document, settings: KeywordSettings, scorer: Scorer) -> [Keyword] {
        guard settings.top > 0, candidates.count > 0 else { return [] }
        selectBest(goodness, count: candidates.count, limit: settings.top * 3 + 8)
        var keywords: [Keyword] = []
        var keyCount = 0
        var position = 0
        while keywords.count < settings.top {
            if position == order.count {
                // Near-duplicates used up the preselection: rank everything.
                guard order.count < candidates.count else { break }
                selectBest(goodness, count: candidates.count, limit: candidates.count)
            }
            let candidate = order[position]
            position += 1
            let key = foldedKey(Int(candidate), analysis: analysis, candidates: candidates, slot: keyCount)
            if settings.dedupThreshold < 1, isNearDuplicate(key, of: keyCount, threshold: settings.dedupThreshold) { continue }
            keyCount += 1
            keywords.append(Keyword(text: surface(Int(candidate), analysis: analysis, candidates: candidates, document: document),
                                    score: scorer.outputScore(goodness[Int(candidate)])))
        }
        return keywords
    }

    /// Fills ``order`` with the best `limit` candidates, best first (ties: earlier candidate first).
    /// - Complexity: O(n log limit).
    private mutating func selectBest(_ goodness: Column<Double>, count: Int, limit: Int) {
        order.removeAll(keepingCapacity: true)
        goodness.withUnsafeBufferPointer { values in
            if limit >= count {
                order.append(contentsOf: 0 ..< Int32(count))
            } else {
                // A heap of the best `limit`, worst at the root.
                order.reserveCapacity(limit)
                for candidate in 0 ..< Int32(count) {
                    if order.count < limit {
                        order.append(candidate)
                        siftUp(order.count - 1, values)
                    } else if Self.isBetter(candidate, than: order[0], values) {
                        order[0] = candidate
                        siftDown(0, values)
                    }
                }
            }
            order.sort { Self.isBetter($0, than: $1, values) }
        }
    }

    @inline(__always)
    private static func isBetter(_ a: Int32, than b: Int32, _ values: UnsafeBufferPointer<Double>) -> Bool {
        let x = values[Int(a)]
        let y = values[Int(b)]
        return x != y ? x > y : a < b
    }

    private mutating func siftUp(_ index: Int, _ values: UnsafeBufferPointer<Double>) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isBetter(order[parent], than: order[child], values) else { return }
            order.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int, _ values: UnsafeBufferPointer<Double>) {
        var parent = index
        while true {
            var worst = parent
            let left = 2 * parent + 1
            if left < order.count, Self.isBetter(order[worst], than: order[left], values) { worst = left }
            if left + 1 < order.count, Self.isBetter(order[worst], than: order[left + 1], values) { worst = left + 1 }
            guard worst != parent else { return }
            order.swapAt(parent, worst)
            parent = worst
        }
    }

    /// Builds the folded form of `candidate` (terms joined by spaces) in `keys[slot]`.
    private mutating func foldedKey(_ candidate: Int, analysis: TermAnalysis, candidates: CandidateTable, slot: Int) -> Int {
        if keys.count <= slot { keys.append([]) }
        keys[slot].removeAll(keepingCapacity: true)
        let first = Int(candidates.firstWord[candidate])
        for word in first ..< first + Int(candidates.length[candidate]) {
            if word > first { keys[slot].append(0x20) }
            keys[slot].append(contentsOf: analysis.table.key(analysis.wordTerm[word]))
        }
        return slot
    }

    private mutating func isNearDuplicate(_ slot: Int, of count: Int, threshold: Double) -> Bool {
        for other in 0 ..< count where similarity.exceeds(keys[slot][...], keys[other][...], threshold: threshold) {
            return true
        }
        return false
    }

    /// The text of the candidate's first occurrence, without a final possessive.
    private func surface(_ candidate: Int, analysis: TermAnalysis, candidates: CandidateTable, document: Document) -> String {
        let first = Int(candidates.firstWord[candidate])
        let last = first + Int(candidates.length[candidate]) - 1
        let start = Int(document.tokens.starts[Int(analysis.words[first].firstToken)])
        return document.text(bytes: start ..< Int(analysis.words[last].surfaceEnd))
    }
}
