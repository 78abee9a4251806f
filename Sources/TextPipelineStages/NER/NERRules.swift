import Foundation
import TextPipeline

/// The word lists behind the context rules, read from a rules file
/// (`Resources/ner/rules-en.txt` by default; its header documents the sections).
///
/// Words are stored as hashes of their folded keys, the same hashes the
/// matcher computes once per token, so rule checks create no strings.
struct NERRules: Sendable {
    /// The language the rules' word lists and capitalisation evidence serve.
    static let language = "en"

    enum Section: String, CaseIterable, Sendable {
        case titles
        case titleModifiers = "title_modifiers"
        case orgDesignators = "org_designators"
        case locDesignators = "loc_designators"
        case miscDesignators = "misc_designators"
        case orgPrefixes = "org_prefixes"
        case locPrepositions = "loc_prepositions"
        case personVerbs = "person_verbs"
        case connectors
        case notNames = "not_names"
        case orgContext = "org_context"
        /// Compass and position words that begin place names and adjectives ("West German", "Middle East").
        case compass
        /// Lower-case words that join an organisation designator to the rest of its name ("Institute for Coastal Studies").
        case designatorConnectors = "designator_connectors"
        /// Determiners: a sequence right after one is not guessed to be a person ("the Hill Valley Hawks").
        case determiners
        /// Words that join list items ("and", "&"): a person guess never spans one
        /// ("Dwight and Steven Hammond" is not one person), an organisation may ("Procter & Gamble").
        case coordinators
        /// One label (PER, LOC, ORG, MISC or none): what an unexplained capitalised word becomes.
        case fallbackSingle = "fallback_single"
        /// One label: what an unexplained sequence of two or more capitalised words becomes.
        case fallbackMulti = "fallback_multi"
        /// One label: what an unexplained capitalised word becomes when the article writes it
        /// capitalised inside sentences at least twice and never in lower case.
        case fallbackRepeated = "fallback_repeated"

        var index: Int {
            switch self {
            case .titles: 0
            case .titleModifiers: 1
            case .orgDesignators: 2
            case .locDesignators: 3
            case .miscDesignators: 4
            case .orgPrefixes: 5
            case .locPrepositions: 6
            case .personVerbs: 7
            case .connectors: 8
            case .notNames: 9
            case .orgContext: 10
            case .fallbackSingle: 11
            case .fallbackMulti: 12
            case .fallbackRepeated: 13
            case .compass: 14
            case .designatorConnectors: 15
            case .determiners: 16
            case .coordinators: 17
            }
        }
    }

    /// A set of sections, one bit per ``Section/index``.
    struct Sections: OptionSet, Sendable {
        let rawValue: UInt32
        init(rawValue: UInt32) { self.rawValue = rawValue }
        init(_ sections: Section...) { rawValue = sections.reduce(0) { $0 | 1 << $1.index } }
        @inline(__always)
        func contains(_ section: Section) -> Bool { rawValue & 1 << section.index != 0 }
    }

    /// Per word (key hash): the sections that list it, so one probe answers every section.
    private var words = WordHashMap<Sections>()
    /// The fallback labels; nil leaves such names out.
    private(set) var fallbackSingle: GazetteerLabel? = .miscellaneous
    private(set) var fallbackMulti: GazetteerLabel? = .person
    private(set) var fallbackRepeated: GazetteerLabel?

    /// Whether a token whose key hash is `hash` is listed in `section`.
    @inline(__always)
    func contains(_ section: Section, _ hash: UInt64) -> Bool { sections(of: hash).contains(section) }

    /// The sections that list a token whose key hash is `hash`.
    @inline(__always)
    func sections(of hash: UInt64) -> Sections { words[hash] ?? [] }

    /// Parses a rules file. - Throws: ``GazetteerSourceError`` naming the file and line.
    static func parse(_ text: String, file: String) throws -> NERRules {
        var rules = NERRules()
        var normalizer = KeyNormalizer()
        var current: Section?
        for (index, raw) in lines(of: text).enumerated() {
            let line = String(trimmingBlanks(raw))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), let section = Section(rawValue: String(line.dropFirst().dropLast())) else {
                    let known = Section.allCases.map(\.rawValue).joined(separator: ", ")
                    throw GazetteerSourceError(file: file, line: index + 1, message: "unknown section \(line); expected one of \(known)")
                }
                current = section
                continue
            }
            guard let section = current else {
                throw GazetteerSourceError(file: file, line: index + 1, message: "a word before the first [section] header")
            }
            guard !line.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw GazetteerSourceError(file: file, line: index + 1, message: "'\(line)' is not a single word")
            }
            if section == .fallbackSingle || section == .fallbackMulti || section == .fallbackRepeated {
                let label = line.lowercased() == "none" ? nil : GazetteerLabel(parsing: line)
                guard label != nil || line.lowercased() == "none" else {
                    throw GazetteerSourceError(file: file, line: index + 1, message: "'\(line)' is not a label (PER, LOC, ORG, MISC or none)")
                }
                switch section {
                case .fallbackSingle: rules.fallbackSingle = label
                case .fallbackMulti: rules.fallbackMulti = label
                default: rules.fallbackRepeated = label
                }
                continue
            }
            let key = normalizer.form(.key, of: Array(line.utf8))
            rules.words.update(key.withUnsafeBufferPointer { keyHash($0) }, initial: []) { $0.insert(Sections(section)) }
        }
        return rules
    }

    /// The lines of `text`, as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// cuts them, found over the UTF-8 bytes: a line feed is a character of its own unless a
    /// carriage return precedes it ("\r\n" is one character, which that split does not cut).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, previous: UInt8 = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(text[start ..< index])
                start = utf8.index(after: index)
            }
            previous = byte
        }
        lines.append(text[start...])
        return lines
    }

    /// `line` without its leading and trailing blanks, the scalars Foundation's
    /// `CharacterSet.whitespaces` holds (general category Zs, the tab and U+200B ZERO WIDTH
    /// SPACE), as `trimmingCharacters(in: .whitespaces)` removes them, without bridging to `NSString`.
    static func trimmingBlanks(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return Substring(scalars[first ... last])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    static func load(path: String) throws -> NERRules {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw GazetteerSourceError(file: path, line: 0, message: "cannot read the rules file")
        }
        return try parse(text, file: path)
    }

    /// The bundled English rules.
    static func bundled() throws -> NERRules {
        guard let url = Bundle.module.url(forResource: "rules-en", withExtension: "txt", subdirectory: "Resources/ner") else {
            throw GazetteerSourceError(file: "Resources/ner/rules-en.txt", line: 0, message: "the bundled rules file is missing")
        }
        return try load(path: url.path)
    }
}
