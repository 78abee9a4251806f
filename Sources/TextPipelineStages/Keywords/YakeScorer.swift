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
    private let leftDistinct = Column<Int32>()
    private let leftTotal = Column<Int32>()
    private let rightDistinct = Column<Int32>()
    private let rightTotal = Column<Int32>()
    private let offsets = Column<Int32>()
    private let fill = Column<Int32>()
    private let sentencesByTerm = Column<Int32>()
    private let termH = Column<Double>()
    private let logarithms = LogTable()
    /// `ln(ln(3 + m))` for medians `m = index / 2`, filled on demand.
    private let positions = Column<Double>()

    private func positionWeight(_ median: Double) -> Double {
        let index = Int(median * 2)
        guard index < 4096 else { return log(log(3 + median)) }
        while positions.count <= index { positions.append(log(log(3 + Double(positions.count) / 2))) }
        return positions[index]
    }

    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>) {
        countEdges(analysis)
        termWeights(analysis)
        analysis.wordTerm.withUnsafeBufferPointer { terms in
            for index in 0 ..< candidates.count {
                let h = candidateH(index, analysis: analysis, candidates: candidates, terms: terms)
                goodness[index] = 1 / max(h, 1e-12)
            }
        }
    }

    func outputScore(_ goodness: Double) -> Double { goodness / (1 + goodness) }

    /// Co-occurrences of adjacent words in a block, neither numeric.
    private mutating func countEdges(_ analysis: TermAnalysis) {
        edges.reset()
        analysis.wordTerm.withUnsafeBufferPointer { terms in
            for block in 0 ..< analysis.blockStarts.count {
                var word = Int(analysis.blockStarts[block]) + 1
                let end = Int(analysis.blockEnds[block])
                while word < end {
                    let left = terms[word - 1]
                    let right = terms[word]
                    if (analysis.wordFlags[word - 1] | analysis.wordFlags[word]) & TermAnalysis.numericFlag == 0 { edges.add(left, right) }
                    word += 1
                }
            }
        }
        let count = analysis.termTotal
        for column in [leftDistinct, leftTotal, rightDistinct, rightTotal] {
            column.removeAll()
            column.append(repeating: 0, count: count)
        }
        for index in 0 ..< edges.count {
            let (left, right) = edges.pair(index)
            let weight = edges.counts[index]
            rightDistinct[Int(left)] += 1
            rightTotal[Int(left)] += weight
            leftDistinct[Int(right)] += 1
            leftTotal[Int(right)] += weight
        }
    }

    /// The median sentence index of each term, from the (term, sentence) pairs.
    private mutating func groupSentences(_ analysis: TermAnalysis) {
        let count = analysis.termTotal
        offsets.removeAll(keepingCapacity: true)
        offsets.append(repeating: 0, count: count + 1)
        for term in 0 ..< count { offsets[term + 1] = offsets[term] + analysis.terms[term].sentences }
        sentencesByTerm.removeAll(keepingCapacity: true)
        sentencesByTerm.append(repeating: 0, count: analysis.termSentencePairs.count)
        fill.removeAll()
        for term in 0 ..< count { fill.append(offsets[term]) }
        for pair in analysis.termSentencePairs {
            let term = Int(pair >> 32)
            sentencesByTerm[Int(fill[term])] = Int32(truncatingIfNeeded: pair)
            fill[term] += 1
        }
    }

    private func median(_ term: Int) -> Double {
        let start = Int(offsets[term])
        let count = Int(offsets[term + 1]) - start
        guard count > 0 else { return 0 }
        let middle = start + count / 2
        return count % 2 == 1 ? Double(sentencesByTerm[middle]) : Double(sentencesByTerm[middle - 1] + sentencesByTerm[middle]) / 2
    }

    private mutating func termWeights(_ analysis: TermAnalysis) {
        groupSentences(analysis)
        let count = analysis.termTotal
        var maxTF: Int32 = 1
        var sum = 0.0
        var sumSquares = 0.0
        var valid = 0
        for term in 0 ..< count {
            let tf = analysis.terms[term].count
            maxTF = max(maxTF, tf)
            guard !analysis.terms[term].isStop else { continue }
            sum += Double(tf)
            sumSquares += Double(tf) * Double(tf)
            valid += 1
        }
        let mean = valid > 0 ? sum / Double(valid) : 1
        let deviation = valid > 0 ? (max(0, sumSquares / Double(valid) - mean * mean)).squareRoot() : 0
        let sentences = Double(max(1, analysis.sentences))
        termH.removeAll(keepingCapacity: true)
        for term in 0 ..< count {
            let tf = Double(analysis.terms[term].count)
            let share = tf / Double(maxTF)
            let pwl = leftTotal[term] > 0 ? Double(leftDistinct[term]) / Double(leftTotal[term]) : 0
            let pwr = rightTotal[term] > 0 ? Double(rightDistinct[term]) / Double(rightTotal[term]) : 0
            let relatedness = (0.5 + pwl * share) + (0.5 + pwr * share)
            let frequency = tf / (mean + deviation)
            let spread = Double(analysis.terms[term].sentences) / sentences
            let casing = Double(max(analysis.terms[term].acronyms, analysis.terms[term].capitalised)) / (1 + logarithms.log(Int(tf)))
            let position = positionWeight(median(term))
            termH.append(position * relatedness / (casing + (frequency + spread) / relatedness))
        }
    }

    private func candidateH(_ index: Int, analysis: TermAnalysis, candidates: CandidateTable, terms: UnsafeBufferPointer<Int32>) -> Double {
        let words = candidates.words(index)
        var sum = 0.0
        var product = 1.0
        for word in words {
            let term = Int(terms[word])
            if !analysis.terms[term].isStop {
                sum += termH[term]
                product *= termH[term]
                continue
            }
            var before = 0.0
            var after = 0.0
            if word > words.lowerBound {
                let previous = terms[word - 1]
                before = Double(edges.count(previous, Int32(term))) / Double(analysis.terms[Int(previous)].count)
            }
            if word + 1 < words.upperBound {
                let next = terms[word + 1]
                after = Double(edges.count(Int32(term), next)) / Double(analysis.terms[Int(next)].count)
            }
            let probability = before * after
            product *= 2 - probability
            sum -= 1 - probability
        }
        return product / ((sum + 1) * Double(candidates.frequency[index]))
    }
}
