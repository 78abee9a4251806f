import Foundation
import TextPipeline

/// A set of stop words, held as hashes of their folded forms (``TermFolding``).
///
/// Lookups take a hash the caller already computed while interning, so a
/// check costs one set probe and never builds a string.
public struct StopWordList: Sendable, Equatable {
    private var hashes: Set<UInt64> = []

    public init() {}

    /// The number of stop words.
    public var count: Int { hashes.count }

    /// Parses the data-file format: one word per line, `#` starts a comment, blank lines are skipped.
    public init(parsing text: String) {
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = line.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { insert(word) }
        }
    }

    public mutating func insert(_ word: String) { hashes.insert(TermFolding.hash(of: word)) }
    public mutating func remove(_ word: String) { hashes.remove(TermFolding.hash(of: word)) }

    /// Whether `word` (any case) is a stop word.
    public func contains(_ word: String) -> Bool { hashes.contains(TermFolding.hash(of: word)) }

    /// Whether the folded form with hash `hash` is a stop word.
    @inline(__always)
    func contains(hash: UInt64) -> Bool { hashes.contains(hash) }

    /// The list shipped for `language` (`Resources/keywords/stopwords-<language>.txt`), or nil.
    public static func bundled(language: String) -> StopWordList? {
        guard let url = Bundle.module.url(forResource: "stopwords-\(language)", withExtension: "txt", subdirectory: "Resources/keywords"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return StopWordList(parsing: text)
    }
}
