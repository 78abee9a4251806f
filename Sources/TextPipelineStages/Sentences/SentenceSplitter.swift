import TextPipeline

/// The pure half of `sentences.icu@1`: turns ICU's candidate boundaries and
/// the line structure of a text into sentences made of tokens.
///
/// Rules, in order, for the gap before each token:
/// 1. A blank line (two or more line breaks, or U+2029) always ends a sentence;
///    with ``NewlineMode/line`` any line break does.
/// 2. An ICU candidate boundary ends a sentence unless the text before it is
///    an abbreviation or an initial that the text after it continues
///    (see ``continues(after:before:)``).
///
/// - Complexity: O(tokens + candidates + text length).
public struct SentenceSplitter: Sendable {
    /// Which line breaks end sentences.
    public enum NewlineMode: String, Sendable {
        /// Only blank lines (paragraph breaks). For hard-wrapped newswire.
        case paragraph
        /// Every line break. For one-sentence-per-line input.
        case line
    }

    public var newlines: NewlineMode
    public var abbreviations: AbbreviationList

    public init(newlines: NewlineMode = .paragraph, abbreviations: AbbreviationList) {
        self.newlines = newlines
        self.abbreviations = abbreviations
    }

    /// Writes `document.sentences` from its tokens and ICU's `candidates` (ascending byte offsets).
    public func split(_ document: inout Document, candidates: [Int32]) {
        document.sentences.removeAll()
        let tokens = document.tokens
        guard !tokens.isEmpty else { return }
        let lineBreakLimit = newlines == .line ? 1 : 2
        var candidateIndex = 0
        var sentenceStart = 0
        document.utf8.withUnsafeBufferPointer { text in
            for token in 1 ..< tokens.count {
                let gapStart = Int(tokens.ends[token - 1])
                let gapEnd = Int(tokens.starts[token])
                // ICU candidates at or before this token's start belong to this gap.
                var isCandidate = false
                while candidateIndex < candidates.count, Int(candidates[candidateIndex]) <= gapEnd {
                    if Int(candidates[candidateIndex]) > Int(tokens.starts[token - 1]) { isCandidate = true }
                    candidateIndex += 1
                }
                let isHard = LineBreaks.count(in: text, gapStart ..< gapEnd) >= lineBreakLimit
                let ends = isHard || (isCandidate && !continues(after: token, in: text, tokens: tokens))
                if ends {
                    document.sentences.append(tokens: sentenceStart ..< token)
                    sentenceStart = token
                }
            }
        }
        document.sentences.append(tokens: sentenceStart ..< tokens.count)
    }

    /// Whether the sentence continues across a candidate boundary before `token`,
    /// because the text before it ends with an abbreviation or an initial.
    func continues(after token: Int, in text: UnsafeBufferPointer<UInt8>, tokens: TokenLayer) -> Bool {
        guard token >= 2, isPeriod(token - 1, text, tokens),
              tokens.ends[token - 2] == tokens.starts[token - 1],
              tokens.kinds[token - 2] == .word
        else { return false }
        let word = UnsafeBufferPointer(rebasing: text[tokens.byteRange(token - 2)])
        let next = NextToken(text: text, tokens: tokens, index: token)
        if let kind = abbreviations.kind(of: word) {
            switch kind {
            case .prefix: return next.isWordOrNumber
            case .general: return !next.isCapitalizedWord
            }
        }
        if isInitial(word) { return next.isCapitalizedWord || next.isInitial }
        return false
    }

    private func isPeriod(_ index: Int, _ text: UnsafeBufferPointer<UInt8>, _ tokens: TokenLayer) -> Bool {
        tokens.ends[index] - tokens.starts[index] == 1 && text[Int(tokens.starts[index])] == UInt8(ascii: ".")
    }

    /// One upper-case ASCII letter, or letters separated by periods ("J", "U.S").
    private func isInitial(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, first >= 0x41, first <= 0x5A else { return false }
        for (offset, byte) in word.enumerated() {
            let isLetter = byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A
            if offset % 2 == 0 ? !isLetter : byte != UInt8(ascii: ".") { return false }
        }
        return true
    }
}

/// What follows a candidate boundary.
struct NextToken {
    let isWordOrNumber: Bool
    let isCapitalizedWord: Bool
    let isInitial: Bool

    init(text: UnsafeBufferPointer<UInt8>, tokens: TokenLayer, index: Int) {
        let kind = tokens.kinds[index]
        let first = text[Int(tokens.starts[index])]
        isWordOrNumber = kind == .word || kind == .number || kind == .ideographic || kind == .kana
        // Non-ASCII letters: treat lead bytes of Latin capitals (À-Þ range, C3 80–9E) as capitals.
        let isUpperASCII = first >= 0x41 && first <= 0x5A
        let isUpperLatin1 = first == 0xC3 && index < tokens.count && Int(tokens.starts[index]) + 1 < text.count
            && text[Int(tokens.starts[index]) + 1] < 0x9F
        isCapitalizedWord = kind == .word && (isUpperASCII || isUpperLatin1)
        let length = tokens.ends[index] - tokens.starts[index]
        isInitial = kind == .word && isUpperASCII && length == 1
    }
}
