public import TextPipeline

/// `sentences.icu@1`: rule-based sentence boundaries over the tokens of
/// `tokenize.icu@1`, with word lists per language (abbreviations, sentence
/// starters, line continuations) and ICU's sentence boundaries (CLDR
/// suppressions, `en@ss=standard`) after terminators of other scripts.
///
/// Sentences are stored as token ranges. See ``SentenceSplitter`` for the
/// rules and ``SentenceLexicon`` for the data files and their options.
public struct ICUSentenceStage: Stage {
    public static let configuration = StageConfiguration(
        id: "sentences.icu@1", summary: "sentences from punctuation rules, line structure and word lists (ICU for other scripts)",
        options: optionSpecs, requires: [.tokens], provides: [.sentences],
        languages: "rules: any with .?!… or ICU terminators; word lists: the locale's (en); other articles: rules only, a warning")

    static let optionSpecs = [
        OptionSpec("locale", .string, default: "en", help: "ICU locale; CLDR suppressions (@ss=standard) are added unless the id has '@'"),
        OptionSpec(
            "newline", .choice(SentenceSplitter.NewlineMode.allCases.map(\.rawValue)), default: "auto",
            help: "auto: decide per text (hard-wrapped or not) and per line break; paragraph: only blank lines end sentences; line: every line break does"),
        OptionSpec(
            "abbreviations", .mapping(abbreviationSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "extend or shrink the abbreviation list: {file, add, add_prefix, add_number, remove}"),
        OptionSpec(
            "starters", .mapping(wordListSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "capitalised words that open sentences after an abbreviation: {file, add, remove}"),
        OptionSpec(
            "continuations", .mapping(wordListSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "words that continue a line across a line break: {file, add, remove}"),
        OptionSpec(
            "time_qualifiers", .mapping(wordListSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "capitalised words that go on after a.m./p.m. (Monday, Eastern): {file, add, remove}"),
        OptionSpec(
            "reporting_verbs", .mapping(wordListSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "verbs that attribute a quotation (\"Why?\" Smith asked.): {file, add, remove}"),
        OptionSpec(
            "salutations", .mapping(wordListSpecs.map(\.name)), default: "bundled list for the locale's language",
            help: "first words of greeting and sign-off lines that end with a comma (Hi, Regards): {file, add, remove}"),
    ]

    public init(options: StageOptions) throws {
        let locale = try options.string("locale", default: "en")
        guard ICULocale.isWellFormed(locale) else {
            throw options.error("locale", "expected an ICU locale id such as 'en', found '\(locale)'")
        }
        let mode = SentenceSplitter.NewlineMode(rawValue: try options.choice("newline", default: "auto")) ?? .auto
        let language = String(locale.prefix { $0.isLetter }).lowercased()
        let lexicon = try Self.loadLexicon(options, language: language)
        let template: ICUBreakerTemplate
        do {
            template = try ICUBreakerTemplate(sentence: true, locale: locale.contains("@") ? locale : locale + "@ss=standard")
        } catch {
            throw options.error("locale", "\(error)")
        }
        self.init(template: template, splitter: SentenceSplitter(newlines: mode, lexicon: lexicon), language: language)
    }

    let template: ICUBreakerTemplate
    /// The splitter with the word lists of ``language``.
    public let splitter: SentenceSplitter
    /// The language of the word lists (the locale's language subtag).
    public let language: String
    /// The splitter without word lists, for articles in other languages: punctuation,
    /// line and list rules only, which hold for every language that ends sentences with `.?!…`.
    let neutralSplitter: SentenceSplitter

    init(template: ICUBreakerTemplate, splitter: SentenceSplitter, language: String) {
        self.template = template
        self.splitter = splitter
        self.language = language
        self.neutralSplitter = SentenceSplitter(newlines: splitter.newlines, lexicon: SentenceLexicon())
    }

    /// Creates the stage in code with the bundled English abbreviations.
    public init(locale: String = "en", newlines: SentenceSplitter.NewlineMode = .auto) throws {
        let language = String(locale.prefix { $0.isLetter }).lowercased()
        self.init(
            template: try ICUBreakerTemplate(sentence: true, locale: locale + "@ss=standard"),
            splitter: SentenceSplitter(newlines: newlines, lexicon: try SentenceLexicon.bundled(language: language)),
            language: language)
    }

    public func makeWorker() throws -> any StageWorker {
        Worker(breaker: try template.makeBreaker(), stage: self)
    }

    struct Worker: StageWorker {
        let breaker: ICUBreaker
        let stage: ICUSentenceStage
        var candidates: [Int32] = []
        /// Sentences of the current document, kept across documents (see ``SentenceSplitter/split(_:candidates:buffer:)``).
        var sentences = SentenceLayer()

        init(breaker: ICUBreaker, stage: ICUSentenceStage) {
            self.breaker = breaker
            self.stage = stage
        }

        /// Splits `document` with the word lists of the stage's language, or, for an article in
        /// another language (``Document/resolveLanguage()``), without them and with a warning.
        mutating func process(_ document: inout Document, context: StageContext) throws {
            if Self.mayHoldForeignTerminators(document.utf8) {
                try breaker.sentenceBoundaries(document.utf8, linesAsSpaces: true, into: &candidates)
            } else {
                candidates.removeAll(keepingCapacity: true)
            }
            try context.checkDeadline()
            let language = document.resolveLanguage()
            if language.code == stage.language {
                stage.splitter.split(&document, candidates: candidates, buffer: &sentences)
            } else {
                document.warnings.append(
                    "\(ICUSentenceStage.configuration.id): language \(language.described): punctuation and line rules only, "
                        + "without the '\(stage.language)' word lists (abbreviations, sentence starters, line continuations)")
                stage.neutralSplitter.split(&document, candidates: candidates, buffer: &sentences)
            }
        }

        /// ICU's boundaries are only consulted after terminators the splitter
        /// does not know, which all lie at U+0340 and above outside the General
        /// Punctuation (E2), CJK Symbols (E3) and Half/Full-width (EF) blocks the
        /// splitter reads itself. Texts without such lead bytes skip ICU.
        static func mayHoldForeignTerminators(_ text: [UInt8]) -> Bool {
            text.withUnsafeBytes { raw in
                var index = 0
                // Eight bytes at a time while they are all ASCII.
                while index + 8 <= raw.count {
                    if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                    for byte in raw[index ..< index + 8] where byte >= 0xCD && byte != 0xE2 && byte != 0xE3 && byte != 0xEF { return true }
                    index += 8
                }
                return raw[index...].contains { $0 >= 0xCD && $0 != 0xE2 && $0 != 0xE3 && $0 != 0xEF }
            }
        }
    }
}
