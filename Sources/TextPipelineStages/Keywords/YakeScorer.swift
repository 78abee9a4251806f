import Foundation

/// YAKE (Campos et al., 2020) as published and as Python `yake` computes it.
///
/// Per term, from one document:
/// - casing `WCase = max(tfAcronym, tfCapitalised) / (1 + ln tf)`;
/// - position `WPos = ln(ln(3 + median of the sentence indices it occurs in))`;
/// - frequency `WFreq = tf / (mean tf + std tf)` over non-stop terms;
/// - relatedness `WRel = (0.5 + PWL·tf/maxTF) + (0.5 + PWR·tf/maxTF)`, where PWL
///   is distinct left neighbours / left co-occurrences (adjacent words in a block);
/// - spread `WSpread = sentences it occurs in / sentences`;
/// - `H = WPos·WRel / (WCase + (WFreq + WSpread) / WRel)`.
///
/// A candidate's `H = Π H(t) / ((Σ H(t) + 1) · tf)`, where a stop word inside it
/// contributes `1 + (1 − p)` to the product and `−(1 − p)` to the sum, `p` being
/// the product of its bigram probabilities with its neighbours (YAKE's `bi`).
/// Lower H is better; the goodness is `1 / H` and the output score `1 / (1 + H)`.
struct YakeScorer: KeywordScorer {
    private var edges = PairCounter()
    /// Per term: its distinct neighbours and co-occurrences on either side.
    private let neighbours = Column<Neighbours>()
    /// Per term: sentences seen so far, then twice its median sentence index.
    private let seen = Column<Int32>()
    private let twiceMedian = Column<Int32>()
    private let termH = Column<Double>()
    private let logarithms = LogTable()
    /// `ln(ln(3 + m))` for medians `m = index / 2`, filled by ``preparePositions(sentences:)``.
    private let positions = Column<Double>()
    /// The most entries ``positions`` holds; larger medians are computed each time.
    private static let positionsCached = 4096

    /// Fills ``positions`` for every median of a document with `sentences` sentences
    /// (twice the median is at most `2 × (sentences − 1)`), up to ``positionsCached``.
    private func preparePositions(sentences: Int) {
        let needed = min(Self.positionsCached, 2 * sentences)
        while positions.count < needed { positions.append(log(log(3 + Double(positions.count) / 2))) }
    }

    /// `ln(ln(3 + m))` for the median `m = twiceMedian / 2`: from the table when
    /// ``preparePositions(sentences:)`` filled it that far (the same computation).
    @inline(__always)
    private func positionWeight(twiceMedian index: Int) -> Double {
        index < positions.count ? positions[index] : log(log(3 + Double(index) / 2))
    }

    var boundsCandidates: Bool { true }

    /// Counts the co-occurrences and computes every term's `H`, which ``score(_:candidates:into:)`` reads.
    mutating func prepare(_ analysis: TermAnalysis, stopPairs: Bool) {
        countEdges(analysis, stopPairs: stopPairs)
        termWeights(analysis)
    }

    /// Fills `bound` with `1 + 1 / H(t)` per content term (1 per stop word) and offers it the goodness
    /// of each content term's one-word candidate (the same operations as ``score(_:candidates:into:)``).
    /// For an n-gram of content words, `(Σ H + 1) / Π H ≤ Π (1 + 1 / H)`; a stop word in the middle
    /// of three words multiplies `Π H` by `2 - p ≥ 1` and lowers the sum by `1 - p ≥ 0`.
    func fillBound(_ analysis: TermAnalysis, unigrams: Column<Int32>, into bound: CandidateBound) {
        let count = analysis.termTotal
        bound.termFactor.removeAll()
        bound.termFactor.append(repeating: 1, count: count)
        let (factors, h, stats, frequency) = (bound.termFactor.base, termH.base, analysis.terms.base, unigrams.base)
        let content = analysis.contentTerms.base
        for index in 0 ..< analysis.contentTerms.count {
            let term = Int(content[index])
            let weight = h[term]
            let factor = 1 + 1 / weight
            factors[term] = factor
            guard frequency[term] > 0 else { continue }
            // `tf × (1 + 1/H)` is the goodness `(H + 1) · tf / H` up to rounding: once the threshold
            // has its candidates, most terms cannot move it and skip the goodness's two divisions.
            let tf = Double(frequency[term])
            guard bound.mayTake(atMost: tf * factor, inTitle: stats[term].inTitle) else { continue }
            bound.offer(1 / max(weight / ((weight + 1) * tf), 1e-12), inTitle: stats[term].inTitle)
        }
    }

    /// Fills `goodness`; ``prepare(_:stopPairs:)`` must have run on the same analysis.
    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>) {
        let (flags, termH) = (analysis.wordFlags.base, termH.base)
        let (firstWord, length, frequency) = (candidates.firstWord.base, candidates.length.base, candidates.frequency.base)
        analysis.wordTerm.withUnsafeBufferPointer { terms in
            for index in 0 ..< candidates.count {
                let word = Int(firstWord[index])
                let h: Double
                if length[index] == 1, flags[word] & TermAnalysis.stopFlag == 0 {
                    // `candidateH` for one content word, same operations: H(t) / ((H(t) + 1) · tf).
                    let term = termH[Int(terms[word])]
                    h = term / ((term + 1) * Double(frequency[index]))
                } else {
                    h = candidateH(index, analysis: analysis, candidates: candidates, terms: terms)
                }
                goodness[index] = 1 / max(h, 1e-12)
            }
        }
    }

    func outputScore(_ goodness: Double) -> Double { goodness / (1 + goodness) }

    /// Co-occurrences of adjacent words in a block, neither numeric: counts each
    /// pair into ``edges`` and, as it goes, each term's neighbours into ``neighbours``
    /// (a pair seen for the first time adds a distinct neighbour on either side).
    /// Two stop words side by side count only when `stopPairs`: otherwise no
    /// candidate reads their count, and a stop word's neighbours are never read.
    private mutating func countEdges(_ analysis: TermAnalysis, stopPairs: Bool) {
        edges.reset()
        // A block of n words has n - 1 adjacent pairs.
        edges.reserve(pairs: analysis.wordCount)
        neighbours.removeAll()
        neighbours.append(repeating: Neighbours(), count: analysis.termTotal)
        let neighbours = neighbours.base
        let (terms, flags) = (analysis.wordTerm.base, analysis.wordFlags.base)
        let (starts, ends) = (analysis.blockStarts.base, analysis.blockEnds.base)
        // A pair is skipped when either word is numeric, or both have the flags of `bothSkip`.
        let bothSkip = stopPairs ? 0 : TermAnalysis.stopFlag
        for block in 0 ..< analysis.blockStarts.count {
            var word = Int(starts[block]) &+ 1
            let end = Int(ends[block])
            while word < end {
                let (before, after) = (flags[word &- 1], flags[word])
                if (before | after) & TermAnalysis.numericFlag == 0, before & after & bothSkip == 0 {
                    let (left, right) = (terms[word &- 1], terms[word])
                    let isNew: Int32 = edges.add(left, right, reserved: true) ? 1 : 0
                    neighbours[Int(left)].rightDistinct &+= isNew
                    neighbours[Int(left)].rightTotal &+= 1
                    neighbours[Int(right)].leftDistinct &+= isNew
                    neighbours[Int(right)].leftTotal &+= 1
                }
                word &+= 1
            }
        }
    }

    /// Twice the median sentence index of each term other than a stop word, in one
    /// pass over the (term, sentence) pairs: a term's sentences come in increasing
    /// order, so its median is the mean of its `(n - 1) / 2`-th and `n / 2`-th sentence.
    private mutating func groupSentences(_ analysis: TermAnalysis) {
        let count = analysis.termTotal
        seen.removeAll()
        seen.append(repeating: 0, count: count)
        twiceMedian.removeAll()
        twiceMedian.append(repeating: 0, count: count)
        let (stats, seen, twice) = (analysis.terms.base, seen.base, twiceMedian.base)
        let pairs = analysis.termSentencePairs.base
        for pair in 0 ..< analysis.termSentencePairs.count {
            let term = Int(pairs[pair] >> 32)
            let sentence = Int32(truncatingIfNeeded: pairs[pair])
            let index = seen[term]
            // A term of a pair occurs in at least one sentence: halving by a shift is exact.
            let sentences = UInt32(bitPattern: stats[term].sentences)
            let lower = Int32(bitPattern: (sentences &- 1) >> 1)
            let upper = Int32(bitPattern: sentences >> 1)
            // Without branches: which sentence is a median follows no pattern.
            twice[term] &+= (index == lower ? sentence : 0) &+ (index == upper ? sentence : 0)
            seen[term] = index &+ 1
        }
    }

    /// `H(t)` of every term other than a stop word, into ``termH``. A stop word
    /// inside a candidate counts through its bigram probabilities instead, so its
    /// `H` is never read and not computed.
    private mutating func termWeights(_ analysis: TermAnalysis) {
        groupSentences(analysis)
        let count = analysis.termTotal
        let stats = analysis.terms.base
        var maxTF: Int32 = 1
        for term in 0 ..< count { maxTF = max(maxTF, stats[term].count) }
        // The same sums in the same (id) order as a pass over every term that skips stop words.
        let (content, valid) = (analysis.contentTerms.base, analysis.contentTerms.count)
        var sum = 0.0
        var sumSquares = 0.0
        for index in 0 ..< valid {
            let tf = stats[Int(content[index])].count
            sum += Double(tf)
            sumSquares += Double(tf) * Double(tf)
        }
        let mean = valid > 0 ? sum / Double(valid) : 1
        let deviation = valid > 0 ? (max(0, sumSquares / Double(valid) - mean * mean)).squareRoot() : 0
        let sentences = Double(max(1, analysis.sentences))
        termH.removeAll(keepingCapacity: true)
        termH.append(repeating: 0, count: count)
        preparePositions(sentences: analysis.sentences)
        let (h, twiceMedian, neighbours) = (termH.base, twiceMedian.base, neighbours.base)
        for index in 0 ..< valid {
            let term = Int(content[index])
            let tf = Double(stats[term].count)
            let share = tf / Double(maxTF)
            let side = neighbours[term]
            let pwl = side.leftTotal > 0 ? Double(side.leftDistinct) / Double(side.leftTotal) : 0
            let pwr = side.rightTotal > 0 ? Double(side.rightDistinct) / Double(side.rightTotal) : 0
            let relatedness = (0.5 + pwl * share) + (0.5 + pwr * share)
            let frequency = tf / (mean + deviation)
            let spread = Double(stats[term].sentences) / sentences
            let casing = Double(max(stats[term].acronyms, stats[term].capitalised)) / (1 + logarithms.log(Int(stats[term].count)))
            let position = positionWeight(twiceMedian: Int(twiceMedian[term]))
            h[term] = position * relatedness / (casing + (frequency + spread) / relatedness)
        }
    }

    private func candidateH(_ index: Int, analysis: TermAnalysis, candidates: CandidateTable, terms: UnsafeBufferPointer<Int32>) -> Double {
        let words = candidates.words(index)
        let flags = analysis.wordFlags.base
        let stats = analysis.terms.base
        let h = termH.base
        var sum = 0.0
        var product = 1.0
        for word in words {
            let term = Int(terms[word])
            if flags[word] & TermAnalysis.stopFlag == 0 {
                sum += h[term]
                product *= h[term]
                continue
            }
            var before = 0.0
            var after = 0.0
            if word > words.lowerBound {
                let previous = terms[word &- 1]
                before = Double(edges.count(previous, Int32(truncatingIfNeeded: term))) / Double(stats[Int(previous)].count)
            }
            if word &+ 1 < words.upperBound {
                let next = terms[word &+ 1]
                after = Double(edges.count(Int32(truncatingIfNeeded: term), next)) / Double(stats[Int(next)].count)
            }
            let probability = before * after
            product *= 2 - probability
            sum -= 1 - probability
        }
        return product / ((sum + 1) * Double(candidates.frequency[index]))
    }
}

/// One term's neighbours in a document: distinct terms and co-occurrences to its left and right.
private struct Neighbours {
    var leftDistinct: Int32 = 0
    var leftTotal: Int32 = 0
    var rightDistinct: Int32 = 0
    var rightTotal: Int32 = 0
}
