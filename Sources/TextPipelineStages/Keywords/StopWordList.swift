import Foundation
import TextPipeline

/// A set of stop words, held as hashes of their folded forms (``TermFolding``).
///
/// Lookups take a hash the caller already computed while interning, so a
/// check costs one set probe and never builds a string.
public struct StopWordList: Sendable, Equatable {
    private var hashes: Set<UInt64> = [] {
        didSet { (slots, filter) = (Self.table(hashes), Self.filter(hashes)) }
    }
    /// Open-addressing copy of ``hashes`` for lookups in hot loops (0 marks an empty slot).
    private var slots: [UInt64] = [0]
    /// One bit per value of bits 0 to 12 of a hash (bits 6–12 pick the word, 0–5 the bit), set for the stop words: a clear
    /// bit answers most other words from 1 KB, without probing ``slots``.
    private var filter = [UInt64](repeating: 0, count: filterWords)
    private static let filterWords = 128

    private static func filter(_ hashes: Set<UInt64>) -> [UInt64] {
        var filter = [UInt64](repeating: 0, count: filterWords)
        for hash in hashes { filter[filterWord(hash)] |= filterBit(hash) }
        return filter
    }

    @inline(__always)
    private static func filterWord(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 6) & (filterWords - 1) }

    @inline(__always)
    private static func filterBit(_ hash: UInt64) -> UInt64 { 1 &<< (hash & 63) }

    private static func table(_ hashes: Set<UInt64>) -> [UInt64] {
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        for hash in hashes where hash != 0 {
            var slot = Int(truncatingIfNeeded: hash >> 40) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = hash
        }
        return slots
    }

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
        (slots, filter) = (Self.table(parsed), Self.filter(parsed))
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
        guard filter[Self.filterWord(hash)] & Self.filterBit(hash) != 0 else { return false }
        guard hash != 0 else { return hashes.contains(hash) }
        // Plain subscripts: a closure here stays out of line in the interning loop.
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
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
