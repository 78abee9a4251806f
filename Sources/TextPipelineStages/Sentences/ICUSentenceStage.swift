import TextPipeline

/// `sentences.icu@1`: ICU sentence boundaries (CLDR suppressions,
/// `en@ss=standard`) refined by line structure and an abbreviation list.
///
/// Sentences are stored as token ranges. See ``SentenceSplitter`` for the rules.
public struct ICUSentenceStage: Stage {
    public static let id = StageID(name: "sentences.icu", version: 1)

    static let abbreviationSpecs = [
        OptionSpec("file", .path, help: "replace the bundled list with this file (same format)"),
        OptionSpec("add", .stringList, help: "abbreviations to add (class: may end a sentence)"),
        OptionSpec("add_prefix", .stringList, help: "abbreviations to add that precede names or numbers (Dr, No)"),
        OptionSpec("remove", .stringList, help: "abbreviations to remove"),
    ]

    public static let options = [
        OptionSpec("locale", .string, default: "en", help: "ICU locale; CLDR suppressions (@ss=standard) are added unless the id has '@'"),
        OptionSpec("newline", .choice(["paragraph", "line"]), default: "paragraph",
                   help: "paragraph: only blank lines end sentences; line: every line break does"),
        OptionSpec("abbreviations", .mapping(abbreviationSpecs.map(\.name)), default: "bundled list for the locale's language",
                   help: "extend or shrink the abbreviation list: {file, add, add_prefix, remove}"),
    ]

    public static let factory = StageFactory(
        id: id, summary: "sentences from ICU boundaries, line structure and abbreviations", options: options,
        requires: [.tokens], provides: [.sentences]
    ) { options in
        let locale = try options.string("locale", default: "en")
        guard ICULocale.isWellFormed(locale) else {
            throw options.error("locale", "expected an ICU locale id such as 'en', found '\(locale)'")
        }
        let mode = SentenceSplitter.NewlineMode(rawValue: try options.choice("newline", default: "paragraph")) ?? .paragraph
        let abbreviations = try loadAbbreviations(options.mapping("abbreviations", specs: abbreviationSpecs), locale: locale)
        let template: ICUBreakerTemplate
        do {
            template = try ICUBreakerTemplate(sentence: true, locale: locale.contains("@") ? locale : locale + "@ss=standard")
        } catch {
            throw options.error("locale", "\(error)")
        }
        return ICUSentenceStage(template: template, splitter: SentenceSplitter(newlines: mode, abbreviations: abbreviations))
    }

    static func loadAbbreviations(_ options: StageOptions, locale: String) throws -> AbbreviationList {
        var list: AbbreviationList
        if let path = try options.path("file") {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw options.error("file", "cannot read abbreviation file \(path)")
            }
            do { list = try AbbreviationList(parsing: text, source: path) } catch { throw options.error("file", "\(error)") }
        } else {
            let language = String(locale.prefix { $0.isLetter })
            list = try AbbreviationList.bundled(language: language) ?? AbbreviationList()
        }
        for entry in try options.stringList("add") ?? [] { list.insert(entry, kind: .general) }
        for entry in try options.stringList("add_prefix") ?? [] { list.insert(entry, kind: .prefix) }
        for entry in try options.stringList("remove") ?? [] { list.remove(entry) }
        return list
    }

    let template: ICUBreakerTemplate
    public let splitter: SentenceSplitter

    init(template: ICUBreakerTemplate, splitter: SentenceSplitter) {
        self.template = template
        self.splitter = splitter
    }

    /// Creates the stage in code with the bundled English abbreviations.
    public init(locale: String = "en", newlines: SentenceSplitter.NewlineMode = .paragraph) throws {
        let language = String(locale.prefix { $0.isLetter })
        self.init(template: try ICUBreakerTemplate(sentence: true, locale: locale + "@ss=standard"),
                  splitter: SentenceSplitter(newlines: newlines, abbreviations: try AbbreviationList.bundled(language: language) ?? AbbreviationList()))
    }

    public var id: StageID { Self.id }
    public var requires: [LayerName] { [.tokens] }
    public var provides: [LayerName] { [.sentences] }

    public func makeWorker() throws -> any StageWorker {
        Worker(breaker: try template.makeBreaker(), splitter: splitter)
    }

    struct Worker: StageWorker {
        let breaker: ICUBreaker
        let splitter: SentenceSplitter
        var candidates: [Int32] = []

        init(breaker: ICUBreaker, splitter: SentenceSplitter) {
            self.breaker = breaker
            self.splitter = splitter
        }

        mutating func process(_ document: inout Document, context: StageContext) throws {
            try breaker.sentenceBoundaries(document.utf8, linesAsSpaces: true, into: &candidates)
            splitter.split(&document, candidates: candidates)
        }
    }
}
