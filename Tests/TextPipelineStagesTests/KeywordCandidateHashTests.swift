import Testing

@testable import TextPipelineStages

/// The n-gram hash the candidate collector extends leftwards must be the one
/// ``CandidateTable`` computes for a word range, or repeated n-grams split.
@Suite struct KeywordCandidateHashTests {
    @Test func extendingLeftwardsMatchesTheRangeHash() {
        let terms: [Int32] = [4, 9, 4, 9, 17, 0, 4]
        terms.withUnsafeBufferPointer { buffer in
            for end in 0 ..< buffer.count {
                var hash = CandidateTable.hashSeed
                for start in stride(from: end, through: 0, by: -1) {
                    hash = CandidateTable.hashStep(hash, buffer[start])
                    #expect(hash == CandidateTable.hash(buffer, start, end - start + 1))
                }
            }
        }
    }

    @Test func repeatedBigramIsOneCandidate() {
        let terms: [Int32] = [4, 9, 7, 4, 9]
        var table = CandidateTable()
        table.reset(terms: 10)
        terms.withUnsafeBufferPointer { buffer in
            var hash = CandidateTable.hashStep(CandidateTable.hashSeed, buffer[1])
            hash = CandidateTable.hashStep(hash, buffer[0])
            let first = table.add(start: 0, count: 2, hash: hash, terms: buffer)
            let second = table.add(start: 3, count: 2, terms: buffer)
            #expect(first == second)
            #expect(table.frequency[first] == 2)
        }
    }
}
