import Foundation
import TextPipeline

/// A set of stop words, held as hashes of their folded forms (``TermFolding``).
///
/// Lookups take a hash the caller already computed while interning, so a
/// check costs one set probe and never builds a string.
public struct StopWordList: Sendable, Equatable {
    private var hashes: Set<UInt64> = [] {
        didSet { lookup = StopWordLookup(hashes) }
    }
    /// The copy of ``hashes`` that hot loops probe.
    private var lookup = StopWordLookup([])

    /// Lists are equal when they hold the same words.
    public static func == (a: StopWordList, b: StopWordList) -> Bool { a.hashes == b.hashes }

    /// An empty list.
    public init() {}

    /// The number of stop words.
    public var count: Int { hashes.count }

    /// Parses the data-file format: one word per line, `#` starts a comment, blank lines are skipped.
    /// The lookup tables are built once, after the last word (not once per word).
    public init(parsing text: String) {
        var parsed: Set<UInt64> = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = line.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { parsed.insert(TermFolding.hash(of: word)) }
        }
        // Observers do not run for an assignment in the initialiser: build the tables here.
        hashes = parsed
        lookup = StopWordLookup(parsed)
    }

    /// Adds `word` (any case).
    public mutating func insert(_ word: String) { hashes.insert(TermFolding.hash(of: word)) }
    /// Removes `word` (any case).
    public mutating func remove(_ word: String) { hashes.remove(TermFolding.hash(of: word)) }

    /// Whether `word` (any case) is a stop word.
    public func contains(_ word: String) -> Bool { hashes.contains(TermFolding.hash(of: word)) }

    /// Whether the folded form with hash `hash` is a stop word.
    @inline(__always)
    func contains(hash: UInt64) -> Bool {
        guard hash != 0 else { return hashes.contains(hash) }
        return lookup.contains(hash)
    }

    /// The list shipped for `language` (`Resources/keywords/stopwords-<language>.txt`), or nil.
    public static func bundled(language: String) -> StopWordList? {
        bundledText(language: language).map(StopWordList.init(parsing:))
    }

    /// The text of the bundled list for `language`, or nil.
    static func bundledText(language: String) -> String? {
        guard let url = Bundle.module.url(forResource: "stopwords-\(language)", withExtension: "txt", subdirectory: "Resources/keywords") else {
            return nil
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
