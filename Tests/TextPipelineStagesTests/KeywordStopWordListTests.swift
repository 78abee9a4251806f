import Foundation
import Testing

@testable import TextPipelineStages

/// A stop-word list parsed from its file format answers the hot-loop lookup
/// (`contains(hash:)`, through the bit filter and the slot table) as the set does.
@Suite struct KeywordStopWordListTests {
    static let text = "# comment\nthe\n  Of  \n\nand # trailing comment\nwhile\n"

    @Test func parsedWordsAreFoundByHash() {
        let list = StopWordList(parsing: Self.text)
        #expect(list.count == 4)
        for word in ["the", "of", "OF", "and", "While"] {
            #expect(list.contains(hash: TermFolding.hash(of: word)), "\(word)")
            #expect(list.contains(word), "\(word)")
        }
    }

    @Test func otherWordsAreNotFound() {
        let list = StopWordList(parsing: Self.text)
        for word in ["comment", "trailing", "them", "an", ""] {
            #expect(!list.contains(hash: TermFolding.hash(of: word)), "\(word)")
        }
    }

    @Test func everyWordOfTheBundledListIsFoundByHash() throws {
        let text = try #require(StopWordList.bundledText(language: "en"))
        let list = StopWordList(parsing: text)
        var words = 0
        for line in text.split(separator: "\n") {
            let word = (line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { continue }
            words += 1
            #expect(list.contains(hash: TermFolding.hash(of: word)), "\(word)")
        }
        #expect(words > 100)
        #expect(!list.contains(hash: TermFolding.hash(of: "president")))
    }
}
