/// TextRank (Mihalcea & Tarau, 2004) over the article's content words.
///
/// Vertices are content words (not stop words, not numbers); an undirected
/// edge joins two that occur within `window` words of each other in a
/// sentence, weighted by how often they do. Weighted PageRank with damping
/// 0.85 runs until no rank moves by more than 1e-6 (at most 50 iterations).
/// A candidate's goodness is the sum of its content words' ranks divided by
/// the square root of their number, so a phrase beats its best word only when
/// its other words also rank well. The output score is that goodness.
struct TextRankScorer: KeywordScorer {
    let window: Int
    private var edges = PairCounter()
    private let rank = Column<Double>()
    private let next = Column<Double>()
    private let strength = Column<Double>()
    private let isVertex = Column<Bool>()

    init(window: Int) { self.window = window }

    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>) {
        buildGraph(analysis)
        iterate(terms: analysis.termTotal)
        for index in 0 ..< candidates.count {
            var sum = 0.0
            var content = 0
            for word in candidates.words(index) {
                let term = Int(analysis.wordTerm[word])
                guard isVertex[term] else { continue }
                sum += rank[term]
                content += 1
            }
            goodness[index] = content > 0 ? sum / Double(content) : 1e-9
        }
    }

    private mutating func buildGraph(_ analysis: TermAnalysis) {
        edges.reset()
        let terms = analysis.termTotal
        isVertex.removeAll()
        for term in 0 ..< terms { isVertex.append(!analysis.terms[term].isStop && !analysis.terms[term].isNumeric) }
        strength.removeAll()
        strength.append(repeating: 0, count: terms)
        let words = analysis.wordCount
        for word in 0 ..< words {
            let term = analysis.wordTerm[word]
            guard isVertex[Int(term)] else { continue }
            let sentence = analysis.words[word].sentence
            var other = word + 1
            while other < words, other - word < window, analysis.words[other].sentence == sentence {
                let neighbour = analysis.wordTerm[other]
                if isVertex[Int(neighbour)], neighbour != term {
                    edges.add(min(term, neighbour), max(term, neighbour))
                }
                other += 1
            }
        }
        for index in 0 ..< edges.count {
            let (a, b) = edges.pair(index)
            let weight = Double(edges.counts[index])
            strength[Int(a)] += weight
            strength[Int(b)] += weight
        }
    }

    private mutating func iterate(terms: Int) {
        rank.removeAll()
        rank.append(repeating: 1, count: terms)
        next.removeAll()
        next.append(repeating: 0, count: terms)
        for _ in 0 ..< 50 {
            for term in 0 ..< terms { next[term] = 0 }
            for index in 0 ..< edges.count {
                let (a, b) = edges.pair(index)
                let weight = Double(edges.counts[index])
                next[Int(b)] += weight / strength[Int(a)] * rank[Int(a)]
                next[Int(a)] += weight / strength[Int(b)] * rank[Int(b)]
            }
            var change = 0.0
            for term in 0 ..< terms where isVertex[term] {
                let updated = 0.15 + 0.85 * next[term]
                change = max(change, abs(updated - rank[term]))
                rank[term] = updated
            }
            if change < 1e-6 { break }
        }
    }
}
