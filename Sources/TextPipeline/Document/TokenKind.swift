/// What a token is made of. Raw values are stable and match the C bridge.
public enum TokenKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Letters (ICU rule status "letter"), including words with inner apostrophes or periods.
    case word = 0
    /// Digits, possibly with inner separators ("3.50", "1,000").
    case number = 1
    /// A Unicode punctuation character (general category P*).
    case punctuation = 2
    /// A Unicode symbol (general category S*) that is not an emoji.
    case symbol = 3
    /// Han ideographs (ICU rule status "ideographic").
    case ideographic = 4
    /// Hiragana or katakana (ICU rule status "kana").
    case kana = 5
    /// An emoji, flag or emoji sequence.
    case emoji = 6
    /// Anything else that is not white space (controls, unassigned code points).
    case other = 7

    /// The name used in output and pipeline files.
    public var description: String { name.description }

    /// ``description`` as a static string, for encoders that write it without building a String.
    package var name: StaticString {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .ideographic: "ideographic"
        case .kana: "kana"
        case .emoji: "emoji"
        case .other: "other"
        }
    }

    /// Parses an output name back into a kind.
    public init?(name: String) {
        guard let kind = TokenKind.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }

    /// Whether the token is made of letters in any script.
    public var isWordLike: Bool { self == .word || self == .ideographic || self == .kana }
}
