import TextPipeline

/// Applies boosts, ranks candidates best first, drops near-duplicates and
/// writes the top ones as ``Keyword`` values. Shared by every keyword stage.
struct KeywordRanker {
    private var order: [Int32] = []
    private var chosen: [Int32] = []
    private var keys: [[UInt8]] = []
    private var similarity = NearDuplicates()

    /// Multiplies `goodness` by the entity and title boosts of `settings`.
    func applyBoosts(_ goodness: inout [Double], analysis: TermAnalysis, candidates: CandidateTable, settings: KeywordSettings) {
        let entityBoost = settings.entities.boost
        let titleBoost = settings.titleBoost
        guard entityBoost != 1 || titleBoost != 1 else { return }
        for index in 0 ..< candidates.count {
            if entityBoost != 1, candidates.isEntity[index] { goodness[index] *= entityBoost }
            if titleBoost != 1 {
                let first = Int(candidates.firstWord[index])
                let count = Int(candidates.length[index])
                var inTitle = 0
                var content = 0
                for word in first ..< first + count {
                    let term = Int(analysis.wordTerm[word])
                    if analysis.isStop[term] { continue }
                    content += 1
                    if analysis.inTitle[term] { inTitle += 1 }
                }
                if inTitle > 0 { goodness[index] *= 1 + (titleBoost - 1) * Double(inTitle) / Double(content) }
            }
        }
    }

    /// The best `settings.top` candidates, best first, without near-duplicates.
    /// Ties go to the candidate that occurs first.
    mutating func rank<Scorer: KeywordScorer>(_ goodness: [Double], analysis: TermAnalysis, candidates: CandidateTable,
                                              document: Document, settings: KeywordSettings, scorer: Scorer) -> [Keyword] {
        guard settings.top > 0, candidates.count > 0 else { return [] }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: (0 ..< Int32(candidates.count)))
        goodness.withUnsafeBufferPointer { values in
            order.sort { values[Int($0)] != values[Int($1)] ? values[Int($0)] > values[Int($1)] : $0 < $1 }
        }
        chosen.removeAll(keepingCapacity: true)
        var keywords: [Keyword] = []
        var keyCount = 0
        for candidate in order {
            let key = foldedKey(Int(candidate), analysis: analysis, candidates: candidates, slot: keyCount)
            if settings.dedupThreshold < 1, isNearDuplicate(key, of: keyCount, threshold: settings.dedupThreshold) { continue }
            keyCount += 1
            keywords.append(Keyword(text: surface(Int(candidate), analysis: analysis, candidates: candidates, document: document),
                                    score: scorer.outputScore(goodness[Int(candidate)])))
            if keywords.count == settings.top { break }
        }
        return keywords
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
        for other in 0 ..< count where similarity.similarity(keys[slot][...], keys[other][...]) > threshold {
            return true
        }
        return false
    }

    /// The text of the candidate's first occurrence, without a final possessive.
    private func surface(_ candidate: Int, analysis: TermAnalysis, candidates: CandidateTable, document: Document) -> String {
        let first = Int(candidates.firstWord[candidate])
        let last = first + Int(candidates.length[candidate]) - 1
        let start = Int(document.tokens.starts[Int(analysis.wordFirstToken[first])])
        return document.text(bytes: start ..< Int(analysis.wordSurfaceEnd[last]))
    }
}
