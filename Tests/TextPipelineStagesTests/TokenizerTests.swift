import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// `tokenize.icu@1`: UAX #29 tokens, kinds from ICU's rule status or the characters, no white space.
@Suite struct TokenizerTests {
    @Test func kindsOfEveryClass() throws {
        let tokens = try DocumentFixtures.tokens("Seoul's 3.50 won, +5% 北京 カタカナ 👍🏽 🇰🇷 ©")
        let expected: [(String, TokenKind)] = [
            ("Seoul's", .word), ("3.50", .number), ("won", .word), (",", .punctuation), ("+", .symbol),
            ("5", .number), ("%", .punctuation), ("北京", .ideographic), ("カタカナ", .kana),
            ("👍🏽", .emoji), ("🇰🇷", .emoji), ("©", .symbol),
        ]
        #expect(tokens.map(\.0) == expected.map(\.0))
        #expect(tokens.map(\.1) == expected.map(\.1))
    }

    @Test(
        "run-together sentences are split, addresses, abbreviations and numbers are not",
        arguments: [
            ("world.Today is", ["world", ".", "Today", "is"]),
            ("Tuesday.Mr. Smith", ["Tuesday", ".", "Mr", ".", "Smith"]),
            ("period\u{FF0E}Does it", ["period", "\u{FF0E}", "Does", "it"]),
            ("Jane.Doe@example.com", ["Jane.Doe@example.com"]),
            ("www.Example.com and docs/Read.Me", ["www.Example.com", "and", "docs", "/", "Read.Me"]),
            ("e.g. U.S.Army", ["e.g", ".", "U.S.Army"]),
            ("$3.50 and 2.5% of 1,000.5", ["$", "3.50", "and", "2.5", "%", "of", "1,000.5"]),
        ])
    func runTogetherSentences(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.tokens(text).map(\.0) == expected)
    }

    @Test func whiteSpaceIsNeverAToken() throws {
        let tokens = try DocumentFixtures.tokens("a \t\r\n\u{2028}\u{0B}\u{00A0} b")
        #expect(tokens.map(\.0) == ["a", "b"])
    }

    @Test func combiningMarksStayInTheirWord() throws {
        #expect(try DocumentFixtures.tokens("cafe\u{0301} noir").map(\.0) == ["cafe\u{0301}", "noir"])
    }

    @Test func rightToLeftWords() throws {
        let tokens = try DocumentFixtures.tokens("שלום עולם")
        #expect(tokens.map(\.0) == ["שלום", "עולם"])
        #expect(tokens.allSatisfy { $0.1 == .word })
    }

    @Test func thaiUsesDictionaryBreaks() throws {
        #expect(try DocumentFixtures.tokens("สวัสดีครับ", locale: "th").count >= 2)
    }

    @Test func emptyTextHasNoTokens() throws {
        #expect(try DocumentFixtures.tokens("").isEmpty)
    }

    @Test func workersAreIndependent() throws {
        let stage = try ICUTokenizerStage()
        var first = try stage.makeWorker()
        var second = try stage.makeWorker()
        var a = Document(text: "one two")
        var b = Document(text: "three")
        try first.process(&a, context: StageContext())
        try second.process(&b, context: StageContext())
        try first.process(&b, context: StageContext())
        #expect(a.tokens.count == 2)
        #expect(b.tokens.count == 1)
    }
}
