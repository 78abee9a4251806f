import Foundation
import TextPipeline

/// The options every keyword stage accepts, and their reading.
enum KeywordOptions {
    static let common = [
        OptionSpec("top", .integer, default: "10", help: "keywords kept per article (0 to 1000)"),
        OptionSpec("max_words", .integer, default: "3", help: "longest candidate in words (1 to 8)"),
        OptionSpec(
            "dedup", .number, default: "0.9",
            help: "drop a candidate whose similarity (1 - edit distance / length) to a better one exceeds this; 1 keeps all"),
        OptionSpec("min_length", .integer, default: "3", help: "words with fewer characters count as stop words"),
        OptionSpec("stop_words", .path, default: "bundled English list", help: "replace the stop-word list with this file (one word a line, # comments)"),
        OptionSpec("add_stop_words", .stringList, help: "extra stop words"),
        OptionSpec(
            "languages", .stringList, default: "[en] with the bundled list, [\"*\"] (any) with stop_words",
            help: "languages the stop words serve; other articles get no keywords and a warning (see docs/languages.md)"),
        OptionSpec(
            "title_boost", .number, default: "1",
            help: "multiply the goodness of candidates whose words occur in the article's title (share of their words); 1 ignores the title"),
        OptionSpec(
            "phrase_weight", .number, default: "1",
            help: "multiply a candidate's goodness by this once per word beyond the first; below 1 favours single words"),
        OptionSpec(
            "entities_whole", .boolean, default: "false",
            help: "keep recognised entities whole as candidates; other candidates never overlap them (requires entities)"),
        OptionSpec(
            "name_parts", .boolean, default: "true",
            help: "with entities_whole: let a word of a longer entity (\"jong\" of \"Kim Jong Un\") be a one-word candidate outside entities"),
        OptionSpec("entity_boost", .number, default: "1", help: "multiply the goodness of candidates that are exactly an entity (requires entities)"),
        OptionSpec("exclude_labels", .stringList, help: "drop candidates overlapping entities with these labels, e.g. [PER] (requires entities)"),
    ]

    /// What `textpipe stages` says about languages.
    static let languagesNote = "those of the stop words (`languages`: en with the bundled list); other articles: no keywords, a warning"

    /// Reads the common options.
    /// - Throws: ``ConfigurationError`` naming the option for out-of-range values or an unreadable stop-word file.
    static func read(_ options: StageOptions, defaultTop: Int = 10, defaultMaxWords: Int = 3) throws -> KeywordSettings {
        var settings = KeywordSettings()
        settings.top = try options.integer("top", default: defaultTop, in: 0 ... 1000)
        settings.maxWords = try options.integer("max_words", default: defaultMaxWords, in: 1 ... 8)
        settings.dedupThreshold = try options.number("dedup", default: 0.9)
        guard (0 ... 1).contains(settings.dedupThreshold) else {
            throw options.error("dedup", "expected a number from 0 to 1, found \(settings.dedupThreshold)")
        }
        settings.minLength = try options.integer("min_length", default: 3, in: 1 ... 20)
        (settings.stopWords, settings.stopWordChecksum) = try stopWords(options)
        settings.languages = try languages(options)
        settings.titleBoost = try positive(options, "title_boost")
        settings.phraseWeight = try positive(options, "phrase_weight")
        settings.entities.wholeEntities = try options.boolean("entities_whole", default: false)
        settings.entities.nameParts = try options.boolean("name_parts", default: true)
        settings.entities.boost = try positive(options, "entity_boost")
        let labels = try options.stringList("exclude_labels") ?? []
        if let bad = labels.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw options.error("exclude_labels", "expected entity labels such as PER or LOC, found '\(bad)'")
        }
        settings.entities.excludedLabels = Set(labels.map(EntityLabel.init(rawValue:)))
        return settings
    }

    private static func positive(_ options: StageOptions, _ name: String) throws -> Double {
        let value = try options.number(name, default: 1)
        guard value > 0 else { throw options.error(name, "expected a number above 0, found \(value)") }
        return value
    }

    /// The `languages` option: nil for `"*"`; by default English for the bundled list, any for a user's list.
    private static func languages(_ options: StageOptions) throws -> Set<String>? {
        guard let codes = try options.stringList("languages") else {
            return try options.path("stop_words") == nil ? ["en"] : nil
        }
        if codes == ["*"] { return nil }
        var languages: Set<String> = []
        for code in codes {
            guard let language = ArticleLanguage.fromTag(code) else {
                throw options.error("languages", "expected language codes such as en or de, or [\"*\"] for any, found '\(code)'")
            }
            languages.insert(language.code)
        }
        return languages
    }

    private static func stopWords(_ options: StageOptions) throws -> (StopWordList, [String: String]) {
        let text: String
        let name: String
        if let path = try options.path("stop_words") {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw options.error("stop_words", "cannot read stop-word file \(path)")
            }
            (text, name) = (contents, path.split(separator: "/").last.map(String.init) ?? path)
        } else {
            guard let contents = StopWordList.bundledText(language: "en") else {
                throw options.error(nil, "the bundled stop-word list Resources/keywords/stopwords-en.txt is missing")
            }
            (text, name) = (contents, "stopwords-en.txt")
        }
        var list = StopWordList(parsing: text)
        for word in try options.stringList("add_stop_words") ?? [] { list.insert(word) }
        return (list, [name: fnv1a64(text.utf8)])
    }
}
