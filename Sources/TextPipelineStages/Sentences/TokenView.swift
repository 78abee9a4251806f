import TextPipeline

/// What a punctuation or symbol token means to the sentence splitter.
enum PunctuationClass: UInt8 {
    /// Not punctuation the splitter cares about (words, numbers, other marks).
    case none
    /// `.`
    case period
    /// `?`, `!`, `‼`, `⁇`, `⁈`, `⁉`: always terminal unless a lower-case word follows.
    case strong
    /// `…`
    case ellipsis
    /// `。`, `．`, `！`, `？`, `｡`: terminal even with no space after (scripts written without spaces).
    case fullWidth
    /// `)`, `]`, `}`, `”`, `’`, `»`, `›`, `」`, `』`, `）`, and `"` / `'` (which may also open).
    case closer
    /// `(`, `[`, `{`, `“`, `‘`, `«`, `‹`, `¿`, `¡`, `` ` ``, `「`, `『`, `（`.
    case opener
    /// `-`, `–`, `—`.
    case dash
    /// `,`, `;`, `:`.
    case clause
    /// `•`, `⁃`, `‣`, `▪`, `◦`, `●`, `■`, `∙`.
    case bullet
}

/// A read-only view of one document's UTF-8 text and token columns, over
/// unsafe buffers, with the byte-level tests the splitter needs. Creating
/// one allocates nothing; every query is O(1) unless documented.
struct TokenView {
    let text: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int32>
    let ends: UnsafeBufferPointer<Int32>
    let kinds: UnsafeBufferPointer<TokenKind>

    var count: Int { starts.count }

    @inline(__always) func start(_ index: Int) -> Int { Int(starts[index]) }
    @inline(__always) func end(_ index: Int) -> Int { Int(ends[index]) }
    @inline(__always) func length(_ index: Int) -> Int { Int(ends[index] &- starts[index]) }
    @inline(__always) func first(_ index: Int) -> UInt8 { text[Int(starts[index])] }
    @inline(__always) func kind(_ index: Int) -> TokenKind { kinds[index] }

    /// The bytes of token `index`.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[start(index) ..< end(index)]) }

    /// Whether token `index` (≥ 1) touches the token before it (no white space between).
    @inline(__always) func isAttached(_ index: Int) -> Bool { starts[index] == ends[index - 1] }

    /// Whether token `index` is the one ASCII byte `byte`.
    @inline(__always) func isByte(_ index: Int, _ byte: UInt8) -> Bool { length(index) == 1 && first(index) == byte }

    @inline(__always) func isPeriod(_ index: Int) -> Bool { isByte(index, 0x2E) }

    /// The class of token `index` (``PunctuationClass/none`` for words and
    /// numbers). Inlined: the walk asks it for most tokens that are not words.
    @inline(__always)
    func punctuation(_ index: Int) -> PunctuationClass {
        let kind = kinds[index]
        guard kind == .punctuation || kind == .symbol || kind == .other else { return .none }
        let base = start(index)
        switch length(index) {
        case 1: return Self.asciiClass(text[base])
        case 2: return Self.twoByteClass(text[base], text[base + 1])
        case 3: return Self.threeByteClass(text[base], text[base + 1], text[base + 2])
        default: return .none
        }
    }

    /// Whether `punctuation(index)` ends sentences (period, strong, ellipsis, full-width).
    func isTerminator(_ index: Int) -> Bool {
        switch punctuation(index) {
        case .period, .strong, .ellipsis, .fullWidth: true
        default: false
        }
    }

    /// Whether token `index` is a word whose first letter is lower case
    /// (camel-case names such as "iPhone" and "eBay" count as capitalised).
    func isLowercaseWord(_ index: Int) -> Bool {
        guard kinds[index] == .word else { return false }
        let byte = first(index)
        if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A && !isCamelCase(index) }
        return firstScalar(index)?.properties.isLowercase ?? false
    }

    /// Whether token `index` is a word whose first letter is upper or title
    /// case, or a camel-case name ("iPhone").
    func isCapitalizedWord(_ index: Int) -> Bool {
        guard kinds[index] == .word else { return false }
        let byte = first(index)
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A && isCamelCase(index) }
        guard let scalar = firstScalar(index) else { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    /// A lower-case ASCII letter followed by an upper-case one ("iPhone", "eBay").
    private func isCamelCase(_ index: Int) -> Bool {
        guard length(index) >= 3 else { return false }
        let second = text[start(index) + 1]
        return second >= 0x41 && second <= 0x5A
    }

    /// Whether token `index` is the pronoun "I" or a contraction of it ("I'm", "I’ll").
    func isPronounI(_ index: Int) -> Bool {
        guard kinds[index] == .word, first(index) == 0x49 else { return false }
        if length(index) == 1 { return true }
        let second = text[start(index) + 1]
        return second == 0x27 || second == 0xE2
    }

    /// Whether token `index` is all ASCII digits, at most `maxDigits` of them.
    func isShortNumber(_ index: Int, maxDigits: Int = 3) -> Bool {
        guard kinds[index] == .number, length(index) <= maxDigits else { return false }
        return bytes(index).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The first token from `index` (≥ 1) on that is not a word or number one space after the
    /// token before it, or is `gap`, or `count`: the end of a run of the plain words that
    /// `SentenceWalk` only counts while no ICU candidate or list marker is in play.
    @inline(__always)
    func endOfPlainWords(from index: Int, stoppingAt gap: Int) -> Int {
        var current = index
        while current < count, current != gap {
            let kind = kinds[current]
            guard kind == .word || kind == .number else { break }
            let before = Int(ends[current - 1])
            guard Int(starts[current]) == before + 1, text[before] == 0x20 else { break }
            current += 1
        }
        return current
    }

    /// Counts line breaks in the white space before token `index` (≥ 1).
    /// Inlined for the common gaps, none and one space.
    @inline(__always)
    func lineBreaks(before index: Int) -> Int {
        let from = end(index - 1), to = start(index)
        if to == from || to - from == 1 && text[from] == 0x20 { return 0 }
        return LineBreaks.count(in: text, from ..< to)
    }

    /// Decodes the first scalar of token `index`; only for non-ASCII starts.
    private func firstScalar(_ index: Int) -> Unicode.Scalar? {
        var iterator = bytes(index).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func asciiClass(_ byte: UInt8) -> PunctuationClass {
        switch byte {
        case 0x2E: .period  // .
        case 0x3F, 0x21: .strong  // ? !
        case 0x29, 0x5D, 0x7D, 0x22, 0x27: .closer  // ) ] } " '
        case 0x28, 0x5B, 0x7B, 0x60: .opener  // ( [ { `
        case 0x2D: .dash  // -
        case 0x2C, 0x3B, 0x3A: .clause  // , ; :
        default: .none
        }
    }

    // The multi-byte classes stay out of line: rarer, and kept out of every inlined `punctuation`.
    @inline(never)
    private static func twoByteClass(_ a: UInt8, _ b: UInt8) -> PunctuationClass {
        guard a == 0xC2 else { return .none }
        switch b {
        case 0xBB: return .closer  // »
        case 0xAB, 0xBF, 0xA1: return .opener  // « ¿ ¡
        default: return .none
        }
    }

    @inline(never)
    private static func threeByteClass(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> PunctuationClass {
        switch (a, b, c) {
        case (0xE2, 0x80, 0xA6): .ellipsis
        case (0xE2, 0x80, 0xBC), (0xE2, 0x81, 0x87), (0xE2, 0x81, 0x88), (0xE2, 0x81, 0x89): .strong
        case (0xE2, 0x80, 0x9D), (0xE2, 0x80, 0x99), (0xE2, 0x80, 0xBA): .closer  // ” ’ ›
        case (0xE2, 0x80, 0x9C), (0xE2, 0x80, 0x98), (0xE2, 0x80, 0xB9): .opener  // “ ‘ ‹
        case (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94): .dash  // – —
        case (0xE2, 0x80, 0xA2), (0xE2, 0x81, 0x83), (0xE2, 0x80, 0xA3), (0xE2, 0x96, 0xAA), (0xE2, 0x97, 0xA6),
            (0xE2, 0x97, 0x8F), (0xE2, 0x96, 0xA0), (0xE2, 0x88, 0x99):
            .bullet
        case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x8E), (0xEF, 0xBC, 0x81), (0xEF, 0xBC, 0x9F), (0xEF, 0xBD, 0xA1): .fullWidth
        case (0xE3, 0x80, 0x8D), (0xE3, 0x80, 0x8F), (0xEF, 0xBC, 0x89): .closer  // 」 』 ）
        case (0xE3, 0x80, 0x8C), (0xE3, 0x80, 0x8E), (0xEF, 0xBC, 0x88): .opener  // 「 『 （
        default: .none
        }
    }
}
