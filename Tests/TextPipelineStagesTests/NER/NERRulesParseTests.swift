import Foundation
import Testing

@testable import TextPipelineStages

/// Reading a rules file: lines and blanks are cut as `split(separator: "\n")` and Foundation's
/// `trimmingCharacters(in: .whitespaces)` cut them, without Foundation.
@Suite struct NERRulesParseTests {
    static let texts = [
        "", "\n", "a\nb", "a\n\nb\n", "\n\n", "a\r\nb\nc", "\r\n\n\r", "é\nü\n", "x\u{301}\ny",
        "[titles]\n  Mr \n\tDr\t\n",
    ]

    @Test(arguments: texts) func linesAreThoseOfSplit(_ text: String) {
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(NERRules.lines(of: text) == expected)
    }

    static let blanks = [
        "", " ", "\t", "  word ", "\tword\t", "\u{00A0}word\u{3000}", "\u{2009}a b\u{202F}", "\u{301}x", " \u{301}x ",
        "\u{85}x\u{85}", "\u{200B}x", "\u{1680}x\u{205F}", "word",
    ]

    @Test(arguments: blanks) func blanksAreThoseOfFoundation(_ line: String) {
        let expected = line.trimmingCharacters(in: .whitespaces)
        #expect(String(NERRules.trimmingBlanks(Substring(line))) == expected)
    }

    @Test func parsesSectionsAndFallbacksAroundBlanks() throws {
        let text = "# comment\n[titles]\n  Mr \n\tDr\t\n[fallback_multi]\n ORG \n"
        let rules = try NERRules.parse(text, file: "r.txt")
        var normalizer = KeyNormalizer()
        func hash(_ word: String) -> UInt64 { normalizer.form(.key, of: Array(word.utf8)).withUnsafeBufferPointer { keyHash($0) } }
        #expect(rules.contains(.titles, hash("mr")) && rules.contains(.titles, hash("dr")))
        #expect(rules.fallbackMulti == .organization)
        #expect(!rules.contains(.connectors, hash("mr")))
        // "[connectors]\r\nof" is one line, as the split by characters reads it: not a section header.
        #expect(throws: GazetteerSourceError.self) { try NERRules.parse("[connectors]\r\nof\n", file: "r.txt") }
    }
}
