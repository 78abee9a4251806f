/// The language an article is written in, as the stages see it: from the
/// input record's `lang` field when it has one, else detected from the text
/// (``LanguageDetector``), else English, the default pipeline's language.
///
/// Stages whose rules or word lists serve some languages only (English
/// stop words, English title-case rules) ask ``Document/resolveLanguage()``
/// and, for an article in another language, skip that part and add a warning
/// to the record (see docs/languages.md).
public struct ArticleLanguage: Sendable, Equatable {
    /// Where the language came from.
    public enum Source: String, Sendable {
        /// The record's `lang` field.
        case input
        /// ``LanguageDetector`` found clear evidence in the text.
        case detected
        /// Neither: the text is short, mixed or without evidence, so English is assumed.
        case assumed
    }

    /// The primary language subtag in lower case: `en`, `de`, `zh`.
    public let code: String
    /// Where the code came from: the record's `lang` field, detection, or the English default.
    public let source: Source

    /// A language with its code and where it came from.
    public init(code: String, source: Source) {
        self.code = code
        self.source = source
    }

    /// English, assumed for lack of evidence.
    public static let assumedEnglish = ArticleLanguage(code: "en", source: .assumed)

    /// True when English rules and word lists apply.
    public var isEnglish: Bool { code == "en" }

    /// The language of a `lang` field's value (a BCP 47 tag such as `de`,
    /// `pt-BR`, `zh-Hans`): its primary subtag in lower case, or nil when the
    /// value does not start with 2 or 3 ASCII letters followed by the end or `-`/`_`.
    public static func fromTag(_ tag: String) -> ArticleLanguage? {
        let primary = tag.utf8.prefix { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }
        guard (2 ... 3).contains(primary.count),
            primary.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
        else { return nil }
        return ArticleLanguage(code: String(decoding: primary.map { $0 | 0x20 }, as: UTF8.self), source: .input)
    }

    /// How a warning names the language: `'de' (detected)` or `'de' (lang field)`.
    public var described: String {
        switch source {
        case .input: "'\(code)' (lang field)"
        case .detected: "'\(code)' (detected)"
        case .assumed: "'\(code)' (assumed)"
        }
    }
}

extension Document {
    /// The article's language: the record's `lang` field, else detected once
    /// from the text and kept in the document for the stages after.
    /// - Complexity: O(min(text length, ``LanguageDetector/scanLimit``)) on the first call, O(1) after.
    public mutating func resolveLanguage() -> ArticleLanguage {
        if let language { return language }
        let detected = LanguageDetector.detect(utf8)
        language = detected
        return detected
    }
}
