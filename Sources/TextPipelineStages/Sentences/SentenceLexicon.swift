import Foundation
import TextPipeline

/// The word lists of one language that the splitter consults.
///
/// Each list is a data file `Resources/sentences/<list>-<language>.txt`,
/// loaded once when the pipeline loads and shared read-only by all workers.
/// A pipeline file may replace a list (`file`), extend it (`add`, and for
/// abbreviations `add_prefix`, `add_number`) or shrink it (`remove`).
public struct SentenceLexicon: Sendable {
    /// Abbreviations and their classes (`abbreviations-en.txt`).
    public var abbreviations: AbbreviationList
    /// Capitalised words that open sentences (`sentence-starters-en.txt`).
    public var starters: WordList
    /// Words after which, or before which, a line goes on (`line-continuations-en.txt`).
    public var continuations: WordList
    /// Capitalised words that go on after "a.m."/"p.m." (`time-qualifiers-en.txt`).
    public var timeQualifiers: WordList
    /// Verbs that attribute a quotation: `"Why not?" Smith asked.` (`reporting-verbs-en.txt`).
    public var reportingVerbs: WordList
    /// First words of greeting and sign-off lines: "Hi John,", "Best regards," (`salutations-en.txt`).
    public var salutations: WordList

    /// A lexicon from its lists; each defaults to empty.
    public init(
        abbreviations: AbbreviationList = AbbreviationList(), starters: WordList = WordList(), continuations: WordList = WordList(),
        timeQualifiers: WordList = WordList(), reportingVerbs: WordList = WordList(), salutations: WordList = WordList()
    ) {
        self.abbreviations = abbreviations
        self.starters = starters
        self.continuations = continuations
        self.timeQualifiers = timeQualifiers
        self.reportingVerbs = reportingVerbs
        self.salutations = salutations
    }

    /// The bundled lists for `language` (for example `en`); empty lists where none ship.
    /// - Throws: when a bundled file is malformed (a packaging error).
    public static func bundled(language: String) throws -> SentenceLexicon {
        SentenceLexicon(
            abbreviations: try AbbreviationList.bundled(language: language) ?? AbbreviationList(),
            starters: try WordList.bundled("sentence-starters", language: language) ?? WordList(),
            continuations: try WordList.bundled("line-continuations", language: language) ?? WordList(),
            timeQualifiers: try WordList.bundled("time-qualifiers", language: language) ?? WordList(),
            reportingVerbs: try WordList.bundled("reporting-verbs", language: language) ?? WordList(),
            salutations: try WordList.bundled("salutations", language: language) ?? WordList()
        )
    }
}

extension ICUSentenceStage {
    static let abbreviationSpecs = [
        OptionSpec("file", .path, help: "replace the bundled list with this file (same format)"),
        OptionSpec("add", .stringList, help: "abbreviations to add (class: may end a sentence)"),
        OptionSpec("add_prefix", .stringList, help: "abbreviations to add that precede names (Dr, St)"),
        OptionSpec("add_number", .stringList, help: "abbreviations to add that precede numbers (No, p)"),
        OptionSpec("remove", .stringList, help: "abbreviations to remove"),
    ]

    static let wordListSpecs = [
        OptionSpec("file", .path, help: "replace the bundled list with this file (one word per line)"),
        OptionSpec("add", .stringList, help: "words to add"),
        OptionSpec("remove", .stringList, help: "words to remove"),
    ]

    /// Builds the lexicon from the bundled lists for `language` and the `abbreviations`,
    /// `starters`, `continuations`, `time_qualifiers`, `reporting_verbs` and `salutations` options.
    /// - Throws: a configuration error naming the file, line and key for unreadable or malformed lists.
    static func loadLexicon(_ options: StageOptions, language: String) throws -> SentenceLexicon {
        let bundled = try SentenceLexicon.bundled(language: language)
        var lexicon = bundled
        let abbreviations = try options.mapping("abbreviations", specs: abbreviationSpecs)
        if let path = try abbreviations.path("file") {
            let text = try readList(path, options: abbreviations, what: "abbreviation")
            do { lexicon.abbreviations = try AbbreviationList(parsing: text, source: path) } catch { throw abbreviations.error("file", "\(error)") }
        }
        let additions: [(String, AbbreviationList.Kind)] = [("add", .general), ("add_prefix", .prefix), ("add_number", .number)]
        for (key, kind) in additions {
            for entry in try abbreviations.stringList(key) ?? [] {
                do { try lexicon.abbreviations.insert(entry, kind: kind) } catch { throw abbreviations.error(key, "\(error)") }
            }
        }
        for entry in try abbreviations.stringList("remove") ?? [] { lexicon.abbreviations.remove(entry) }
        lexicon.starters = try loadWordList(options.mapping("starters", specs: wordListSpecs), bundled: bundled.starters)
        lexicon.continuations = try loadWordList(options.mapping("continuations", specs: wordListSpecs), bundled: bundled.continuations)
        lexicon.timeQualifiers = try loadWordList(options.mapping("time_qualifiers", specs: wordListSpecs), bundled: bundled.timeQualifiers)
        lexicon.reportingVerbs = try loadWordList(options.mapping("reporting_verbs", specs: wordListSpecs), bundled: bundled.reportingVerbs)
        lexicon.salutations = try loadWordList(options.mapping("salutations", specs: wordListSpecs), bundled: bundled.salutations)
        return lexicon
    }

    private static func loadWordList(_ options: StageOptions, bundled: WordList) throws -> WordList {
        var list = bundled
        if let path = try options.path("file") {
            let text = try readList(path, options: options, what: "word list")
            do { list = try WordList(parsing: text, source: path) } catch { throw options.error("file", "\(error)") }
        }
        for entry in try options.stringList("add") ?? [] {
            do { try list.insert(entry) } catch { throw options.error("add", "\(error)") }
        }
        for entry in try options.stringList("remove") ?? [] { list.remove(entry) }
        return list
    }

    private static func readList(_ path: String, options: StageOptions, what: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw options.error("file", "cannot read \(what) file \(path)")
        }
        return text
    }
}
