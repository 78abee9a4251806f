public import TextPipeline

/// `tokenize.icu@1`: UAX #29 word tokens from ICU's word break iterator.
///
/// Each token's kind comes from ICU's rule status (word, number, kana,
/// ideographic) or, for untagged segments, from its first character
/// (punctuation, symbol, emoji). White space is not a token. One C call
/// returns every token of an article.
public struct ICUTokenizerStage: Stage {
    public static let configuration = StageConfiguration(
        id: "tokenize.icu@1", summary: "UAX #29 word tokens with kinds, from ICU",
        options: [OptionSpec("locale", .string, default: "en", help: "ICU locale of the word break rules (e.g. en, de, ja, th)")],
        provides: [.tokens],
        languages: "any (ICU word boundaries; dictionary segmentation for Chinese, Japanese, Thai)")

    public init(options: StageOptions) throws {
        let locale = try options.string("locale", default: "en")
        guard ICULocale.isWellFormed(locale) else {
            throw options.error("locale", "expected an ICU locale id such as 'en' or 'pt_BR', found '\(locale)'")
        }
        do {
            self.init(template: try ICUBreakerTemplate(sentence: false, locale: locale))
        } catch {
            throw options.error("locale", "\(error)")
        }
    }

    let template: ICUBreakerTemplate

    /// Creates the stage for an ICU locale.
    public init(locale: String = "en") throws {
        self.init(template: try ICUBreakerTemplate(sentence: false, locale: locale))
    }

    init(template: ICUBreakerTemplate) { self.template = template }

    public func makeWorker() throws -> any StageWorker {
        Worker(breaker: try template.makeBreaker())
    }

    struct Worker: StageWorker {
        let breaker: ICUBreaker
        func process(_ document: inout Document, context: StageContext) throws {
            try breaker.tokenize(document.utf8, into: &document.tokens)
        }
    }
}

/// Checks of ICU locale ids.
enum ICULocale {
    /// Letters, digits, `_`, `-`, `@`, `=`, `;` only, starting with a letter: what ICU locale ids are made of.
    static func isWellFormed(_ locale: String) -> Bool {
        guard let first = locale.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return locale.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || "_-@=;".unicodeScalars.contains($0))
        }
    }
}
