import Foundation
import TextPipeline

/// Abbreviations that a period may follow without ending a sentence.
///
/// Entries are lower case, without their final period; inner periods are kept
/// ("e.g", "u.s"). Each has a class that says what it may precede:
/// - `prefix` ("dr", "st", "gen") stands before a name: the sentence goes on
///   unless a sentence-opening word ("The", "He") follows;
/// - `number` ("no", "p", "vol") stands before a number: the sentence goes on
///   when a number follows, otherwise the period is an ordinary full stop;
/// - `time` ("a.m", "p.m") ends a sentence before a capitalised word unless
///   that word qualifies the time ("EST", "Monday": ``SentenceLexicon/timeQualifiers``)
///   or is a title in a short sentence ("At 5 a.m. Mr. Smith left.");
/// - `general` ("inc", "etc", "u.s") may end a sentence: it does when a
///   sentence-opening word, a new line (outside hard-wrapped text) or the end
///   of the text follows.
public struct AbbreviationList: Sendable, Equatable {
    /// What an abbreviation may precede; see the list above.
    public enum Kind: String, Sendable, Equatable {
        /// Stands before a name (`dr`, `st`).
        case prefix
        /// Stands before a number (`no`, `vol`).
        case number
        /// A time of day (`a.m`, `p.m`).
        case time
        /// May end a sentence (`inc`, `etc`).
        case general
    }

    private var entries: [PackedWord: Kind] = [:] {
        didSet { table = Self.table(entries) }
    }
    /// ``entries`` for look-ups in the splitter's loop.
    private var table = PackedWordTable<Kind>()

    private static func table(_ entries: [PackedWord: Kind]) -> PackedWordTable<Kind> {
        PackedWordTable(entries.lazy.map { ($0.key, $0.value) })
    }

    /// An empty list.
    public init() {}

    /// The number of abbreviations.
    public var count: Int { entries.count }

    /// Parses the data-file format: one entry per line, `#` comments, optional class `prefix`, `number` or `time`.
    /// - Throws: a message naming `source` and the line for an unknown class or an entry over 15 bytes.
    public init(parsing text: String, source: String) throws {
        var parsed: [PackedWord: Kind] = [:]
        try ListFileLines.forEachLine(of: text) { line, bytes in
            let kind: Kind
            switch line.fields.count {
            case 1: kind = .general
            case 2 where Kind(rawValue: bytes.string(line.fields[1])) != nil && bytes.string(line.fields[1]) != "general":
                kind = Kind(rawValue: bytes.string(line.fields[1]))!
            default:
                throw StageError(
                    "\(source):\(line.number): expected 'abbreviation' or 'abbreviation CLASS' with CLASS one of prefix, number, time; found '\(bytes.string(line.content))'"
                )
            }
            do { parsed[try Self.key(bytes: UnsafeBufferPointer(rebasing: bytes[line.fields[0]]))] = kind } catch {
                throw StageError("\(source):\(line.number): \(error)")
            }
        }
        // Set once, with the table built once: property observers do not run in an initializer.
        entries = parsed
        table = Self.table(parsed)
    }

    /// Adds an abbreviation; a trailing period is ignored, case does not matter.
    /// - Throws: when the abbreviation is empty or longer than 15 bytes.
    public mutating func insert(_ abbreviation: String, kind: Kind = .general) throws {
        entries[try Self.key(abbreviation)] = kind
    }

    /// The key of `abbreviation`. - Throws: when it is empty or longer than 15 bytes.
    private static func key(_ abbreviation: String) throws -> PackedWord {
        guard let key = PackedWord(trimmed(abbreviation)) else {
            throw StageError("expected an abbreviation of 1 to \(PackedWord.capacity) bytes, found '\(abbreviation)'")
        }
        return key
    }

    /// ``key(_:)`` of an entry's bytes in a data file; no `String` unless it is malformed.
    private static func key(bytes: UnsafeBufferPointer<UInt8>) throws -> PackedWord {
        var count = bytes.count
        while count > 0, bytes[count - 1] == UInt8(ascii: ".") { count -= 1 }
        guard let key = PackedWord(lowercasing: UnsafeBufferPointer(rebasing: bytes[..<count])) else {
            throw StageError(
                "expected an abbreviation of 1 to \(PackedWord.capacity) bytes, found '\(String(decoding: bytes, as: UTF8.self))'")
        }
        return key
    }

    /// Removes `abbreviation` (any case, with or without its final period).
    public mutating func remove(_ abbreviation: String) {
        if let key = PackedWord(Self.trimmed(abbreviation)) { entries[key] = nil }
    }

    /// The class of the abbreviation spelled by `bytes` (any ASCII case), or nil. Allocates nothing.
    public func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard let key = PackedWord(lowercasing: bytes) else { return nil }
        return table[key]
    }

    public static func == (lhs: AbbreviationList, rhs: AbbreviationList) -> Bool { lhs.entries == rhs.entries }

    /// Whether `abbreviation` (any case, with or without its final period) is in the list.
    public func contains(_ abbreviation: String) -> Bool {
        PackedWord(Self.trimmed(abbreviation)).map { entries[$0] != nil } ?? false
    }

    private static func trimmed(_ abbreviation: String) -> Substring {
        var text = Substring(abbreviation)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The list shipped for `language` (for example `en`), or nil when there is none.
    public static func bundled(language: String) throws -> AbbreviationList? {
        guard let text = BundledResource.text(name: "abbreviations-\(language)") else { return nil }
        return try AbbreviationList(parsing: text, source: "abbreviations-\(language).txt")
    }
}
