import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The tokenizer's ASCII path (`tp_ascii_words.h` in CICU) must give ICU's tokens: every text is
/// tokenized with it, without it (chunk memo and ICU), and by one ICU pass over the whole text,
/// and the three layers must be equal, token for token, offset for offset, kind for kind.
@Suite struct TokenizerFastPathTests {
    /// One breaker per path, from one template.
    struct Breakers {
        let fast: ICUBreaker, slow: ICUBreaker, whole: ICUBreaker

        init(locale: String = "en") throws {
            let template = try ICUBreakerTemplate(sentence: false, locale: locale)
            fast = try template.makeBreaker()
            slow = try template.makeBreaker()
            whole = try template.makeBreaker()
            slow.useASCIIWords(false)
        }

        func expectSameTokens(_ bytes: [UInt8]) throws {
            var fastTokens = TokenLayer(), slowTokens = TokenLayer(), wholeTokens = TokenLayer()
            try fast.tokenize(bytes, into: &fastTokens)
            try slow.tokenize(bytes, into: &slowTokens)
            try whole.tokenizeWhole(bytes, into: &wholeTokens)
            let text = String(decoding: bytes, as: UTF8.self).debugDescription
            #expect(fastTokens == wholeTokens, "text: \(text)")
            #expect(slowTokens == wholeTokens, "text: \(text)")
        }
    }

    /// Where the rules for ASCII are easy to get wrong: full stops, apostrophes, commas between
    /// letters or digits (MidNumLet, MidNum), '_' (ExtendNumLet), '@' (a letter to ICU), ':'
    /// (not MidLetter in the root rules), kinds decided by the last two characters ("a1" is a
    /// number), the run-together split, line ends, and text ending inside a run.
    static let trickyTexts: [String] = [
        "U.S.", "U.S.A.", "e.g.", "i.e., the", "3.14", "1,000.5", "1,", "1.", ".5", "3.a", "a.3", "don't", "'tis", "rock 'n' roll",
        "a_b", "_", "__", "_a", "a_", "1_", "_1", "a_1", "a1", "a11", "1a", "abc123", "x--y", "a:b", "1:30", "a;b", "1;2", "a,b",
        "Jane.Doe@example.com", "@user", "a@b", "world.Today", "Tuesday.Mr. Smith", "www.Example.com", "docs/Read.Me", "e.g. U.S.Army",
        "\r\n", "a\r\nb", "a\rb\n", "\t a \u{0B}\u{0C}b", "end.", "end,", "end'", "end_", "x\u{0}y", "a\u{7F}b", "#hashtag", "$3.50",
        "(AP) —", "caf\u{E9}.", "a.\u{E9}", "1,\u{661}", "a\u{301}b", "(\u{301}", " \u{301}x", "said\u{2019}s", "\u{201C}Yes,\u{201D} he",
        "\u{1F44D}\u{1F3FD} ok", "#\u{FE0F}\u{20E3}", "a\u{200D}b", "x \u{5317}\u{4EAC}.", "U.S.\u{A0}Army", "world.\u{201C}Today",
    ]

    @Test func trickyTextsGiveICUsTokens() throws {
        let breakers = try Breakers()
        for text in Self.trickyTexts {
            try breakers.expectSameTokens(Array(text.utf8))
            try breakers.expectSameTokens(Array(("x " + text + " y").utf8))
        }
    }

    /// Every string of up to four characters over one character of each ASCII class the
    /// rules tell apart, and every pair of ASCII characters.
    @Test func everyShortASCIIStringGivesICUsTokens() throws {
        let breakers = try Breakers()
        let alphabet = Array("aZ1_.',;:\"-@ \n\r$".utf8)
        var texts: [[UInt8]] = [[]]
        for _ in 0 ..< 4 {
            texts = texts.flatMap { text in alphabet.map { text + [$0] } }
            for text in texts { try breakers.expectSameTokens(text) }
        }
        for first in UInt8(0) ..< 128 {
            for second in UInt8(0) ..< 128 { try breakers.expectSameTokens([first, second, first]) }
        }
    }

    /// The marks of news text the ASCII path also reads (\u{2018} \u{2019} join letters or digits
    /// like '\''; \u{2013} \u{2014} \u{201C} \u{201D} \u{2026} stand alone) next to ASCII, to marks it
    /// leaves to ICU (a combining mark, \u{2022}, a truncated sequence), in every order.
    @Test func generalPunctuationGivesICUsTokens() throws {
        let breakers = try Breakers()
        let pieces: [[UInt8]] =
            ["a", "1", "_", ".", ",", "\u{2019}", "\u{2018}", "\u{201C}", "\u{2014}", "\u{2026}", "\u{301}", " ", "\u{E9}", "\u{2022}"]
            .map { Array($0.utf8) } + [[0xE2], [0xE2, 0x80]]
        var texts: [[UInt8]] = [[]]
        for _ in 0 ..< 4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            for text in texts { try breakers.expectSameTokens(text) }
        }
    }

    @Test func randomASCIIGivesICUsTokens() throws {
        let breakers = try Breakers()
        var random = SplitMix(state: 18)
        let common = Array("aeiostAZ09_.',;:@- \n".utf8)
        for _ in 0 ..< 20_000 {
            let count = Int.random(in: 0 ... 48, using: &random)
            let text = (0 ..< count).map { _ in
                Bool.random(using: &random) ? common.randomElement(using: &random)! : UInt8.random(in: 0 ..< 128, using: &random)
            }
            try breakers.expectSameTokens(text)
        }
    }

    /// fi and sv make ':' a MidLetter ("a:b" is one word): the ASCII path, which knows the root
    /// rules only, stays off for them.
    @Test(arguments: ["fi", "sv", "en_US_POSIX"])
    func tailoredRulesKeepICU(locale: String) throws {
        let breakers = try Breakers(locale: locale)
        #expect(!breakers.fast.useASCIIWords(true))
        for text in ["a:b c", "1.5 U.S. a_b", "x.y"] { try breakers.expectSameTokens(Array(text.utf8)) }
    }

    @Test func rootRulesUseTheASCIIPath() throws {
        let breakers = try Breakers(locale: "en")
        #expect(breakers.fast.useASCIIWords(true))
    }
}
