import Testing
import TextPipeline

@testable import TextPipelineStages

/// ``TokenView/endOfPlainWords(from:stoppingAt:)``: the run of words the sentence walk only counts.
@Suite struct SentencePlainWordRunTests {
    /// Tokens of "He met 12 friends  then,\nleft": words and numbers split at spaces,
    /// the comma its own token.
    static let text = Array("He met 12 friends  then,\nleft".utf8)
    static let starts: [Int32] = [0, 3, 7, 10, 19, 23, 25]
    static let ends: [Int32] = [2, 6, 9, 17, 23, 24, 29]
    static let kinds: [TokenKind] = [.word, .word, .number, .word, .word, .punctuation, .word]

    static func runEnd(from index: Int, stoppingAt gap: Int = -1, count: Int = starts.count) -> Int {
        text.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                ends.withUnsafeBufferPointer { ends in
                    kinds.withUnsafeBufferPointer { kinds in
                        let view = TokenView(
                            text: text, starts: UnsafeBufferPointer(rebasing: starts[..<count]),
                            ends: UnsafeBufferPointer(rebasing: ends[..<count]), kinds: UnsafeBufferPointer(rebasing: kinds[..<count]))
                        return view.endOfPlainWords(from: index, stoppingAt: gap)
                    }
                }
            }
        }
    }

    @Test func theRunEndsBeforeTwoSpacesPunctuationOrALineBreak() {
        #expect(Self.runEnd(from: 1) == 4)  // "met 12 friends", then two spaces
        #expect(Self.runEnd(from: 4) == 4)  // "then" after two spaces
        #expect(Self.runEnd(from: 5) == 5)  // the comma
        #expect(Self.runEnd(from: 6) == 6)  // after a line break
    }

    @Test func theRunEndsAtTheDecidedGapOrTheLastToken() {
        #expect(Self.runEnd(from: 1, stoppingAt: 2) == 2)
        #expect(Self.runEnd(from: 1, stoppingAt: 1) == 1)
        #expect(Self.runEnd(from: 1, count: 3) == 3)
    }
}
