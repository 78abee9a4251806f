import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The tokenizer's chunk memo (`tp_chunk_cache` in CICU) must never change a token: every text
/// is tokenized by the memo path and by one ICU pass over the whole text, and the layers must
/// be equal, token for token, offset for offset, kind for kind.
@Suite struct TokenizerMemoTests {
    /// Pieces that exercise the rules near the memo's cuts (spaces, line feeds), the rules UAX #29
    /// applies inside words and numbers, this project's run-together split, and scripts ICU
    /// tokenizes with dictionaries or special rules.
    static let pieces: [String] = [
        "a", "Z", "said", "Putin", "'s", "\u{2019}s", "world.", "Today", "U.S.", "e.g.", "3.14", "1,000", "42",
        ".", ",", "'", "\"", ":", ";", "_", "@", "-", "/", "(", ")", "$", "%", "?", "!", "=",
        " ", " ", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{0B}", "\u{A0}", "\u{2028}", "\u{3000}",
        "\u{201C}", "\u{201D}", "\u{2018}", "\u{2014}", "\u{2026}", "\u{FF0E}", "\u{200D}", "\u{200B}", "\u{AD}",
        "\u{301}", "e\u{301}", "caf\u{E9}", "na\u{EF}ve", "\u{1F600}", "\u{1F44D}\u{1F3FD}", "\u{1F1FA}\u{1F1F8}", "\u{A9}\u{FE0F}",
        "\u{5317}\u{4EAC}", "\u{6587}", "\u{30AB}\u{30BF}", "\u{0E2A}\u{0E27}\u{0E31}\u{0E2A}\u{0E14}\u{0E35}",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}", "www.Example.com", "Jane.Doe@example.com",
        "\u{FFFD}", "x\u{0}y",
    ]

    static func expectSameTokens(_ text: String, memo: ICUBreaker, whole: ICUBreaker) throws {
        var memoTokens = TokenLayer(), wholeTokens = TokenLayer()
        try memo.tokenize(Array(text.utf8), into: &memoTokens)
        try whole.tokenizeWhole(Array(text.utf8), into: &wholeTokens)
        #expect(memoTokens == wholeTokens, "text: \(text.debugDescription)")
    }

    @Test func randomTextsGiveICUsTokens() throws {
        let template = try ICUBreakerTemplate(sentence: false, locale: "en")
        let memo = try template.makeBreaker(), whole = try template.makeBreaker()
        var random = SplitMix(state: 2026)
        // The same breaker throughout: later texts meet chunks the memo already holds.
        for _ in 0 ..< 4000 {
            let count = Int.random(in: 0 ... 40, using: &random)
            let text = (0 ..< count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            try Self.expectSameTokens(text, memo: memo, whole: whole)
        }
    }

    @Test func aFullMemoIsEmptiedAndStillRight() throws {
        let template = try ICUBreakerTemplate(sentence: false, locale: "en")
        let memo = try template.makeBreaker(), whole = try template.makeBreaker()
        // More distinct chunks than the memo holds (98,304), in one text and then again.
        let text = (0 ..< 120_000).map { "w\($0)x," }.joined(separator: " ")
        try Self.expectSameTokens(text, memo: memo, whole: whole)
        try Self.expectSameTokens(text, memo: memo, whole: whole)
    }

    @Test func longChunksAndTokenRichChunksBypassTheMemo() throws {
        let template = try ICUBreakerTemplate(sentence: false, locale: "en")
        let memo = try template.makeBreaker(), whole = try template.makeBreaker()
        // "(a),(b);" is short enough for the memo but holds more than its five tokens.
        for text in [
            String(repeating: "a.b,c;d", count: 20), "(((((((((a)))))))))", "(a),(b); (a),(b);", String(repeating: "\u{5317}", count: 500),
            "x " + String(repeating: "y", count: 33) + " z", "end with spaces   ", "   start with spaces",
        ] {
            try Self.expectSameTokens(text, memo: memo, whole: whole)
            try Self.expectSameTokens(text, memo: memo, whole: whole)
        }
    }
}
