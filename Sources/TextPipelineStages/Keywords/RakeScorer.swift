/// RAKE (Rose et al., 2010): candidates are runs of content words between stop
/// words and punctuation; a word scores `degree / frequency`, where its degree
/// sums the lengths of the candidate occurrences it is in; a candidate scores
/// the sum of its words' scores. The output score is that sum.
///
/// Runs longer than `max_words` are not candidates (and do not count toward
/// degrees), which curbs RAKE's known preference for long chains.
struct RakeScorer: KeywordScorer {
    private let frequency = Column<Int32>()
    private let degree = Column<Int32>()

    mutating func score(_ analysis: TermAnalysis, candidates: CandidateTable, into goodness: Column<Double>) {
        frequency.removeAll()
        degree.removeAll()
        frequency.append(repeating: 0, count: analysis.termTotal)
        degree.append(repeating: 0, count: analysis.termTotal)
        for index in 0 ..< candidates.count {
            let length = candidates.length[index]
            let occurrences = candidates.frequency[index]
            for word in candidates.words(index) {
                let term = Int(analysis.wordTerm[word])
                frequency[term] += occurrences
                degree[term] += occurrences * length
            }
        }
        for index in 0 ..< candidates.count {
            var sum = 0.0
            for word in candidates.words(index) {
                let term = Int(analysis.wordTerm[word])
                sum += Double(degree[term]) / Double(max(1, frequency[term]))
            }
            goodness[index] = sum
        }
    }
}
