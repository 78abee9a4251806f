import Foundation
import TextPipeline

/// A word of at most 15 bytes, lower-cased (ASCII) and packed into two
/// integers, so list look-ups in the splitter's loop allocate nothing.
struct PackedWord: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The longest word that can be packed, in bytes.
    static let capacity = 15

    /// No word (every packed word stores its length): marks a free slot in a ``PackedWordTable``.
    static var vacant: PackedWord { PackedWord() }

    private init() {}

    /// The hash ``PackedWordTable`` probes from: a multiplicative mix, high bits first.
    var tableHash: Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> 32)
    }

    /// Packs `bytes`, lower-casing ASCII letters; nil when empty or longer than ``capacity``.
    /// Byte `i` goes to bits `8i ..< 8i + 8` of `low`, then `high` (little-endian copy), and
    /// each half is lower-cased eight bytes at a time.
    init?(lowercasing bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= Self.capacity else { return nil }
        var halves: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &halves) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        low = Self.lowercased(UInt64(littleEndian: halves.0))
        high = Self.lowercased(UInt64(littleEndian: halves.1)) | UInt64(bytes.count) << 56
    }

    /// `word` with the ASCII capitals A–Z lower-cased; bytes of 0x80 and above unchanged.
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let capitals = ByteLanes.capitals(inASCII: word & ~ByteLanes.highs) & ~word
        return word | capitals >> 2
    }

    /// Packs a string from a data file or a pipeline option; nil when too long.
    init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let packed = bytes.withUnsafeMutableBufferPointer({ PackedWord(lowercasing: UnsafeBufferPointer($0)) }) else { return nil }
        self = packed
    }
}

/// A set of words (any case) read from a data file: one word per line, `#` comments.
///
/// Used for the words that open sentences and the words that continue a line.
public struct WordList: Sendable, Equatable {
    private var words: Set<PackedWord> = [] {
        didSet { table = PackedWordTable(words) }
    }
    /// ``words`` for look-ups in the splitter's loop.
    private var table = PackedWordTable<Void>()

    /// An empty list.
    public init() {}

    /// The number of words.
    public var count: Int { words.count }

    /// Parses the data-file format.
    /// - Throws: a message naming `source` and the line for a line with more than one field or a word over 15 bytes.
    public init(parsing text: String, source: String) throws {
        var parsed: Set<PackedWord> = []
        try ListFileLines.forEachLine(of: text) { line, bytes in
            guard line.fields.count == 1, let word = PackedWord(lowercasing: UnsafeBufferPointer(rebasing: bytes[line.fields[0]])) else {
                throw StageError(
                    "\(source):\(line.number): expected one word of at most \(PackedWord.capacity) bytes, found '\(bytes.string(line.content))'")
            }
            parsed.insert(word)
        }
        // Set once, with the table built once: property observers do not run in an initializer.
        words = parsed
        table = PackedWordTable(parsed)
    }

    /// Adds a word. - Throws: when it is empty or longer than 15 bytes.
    public mutating func insert(_ word: String) throws {
        guard let packed = PackedWord(word) else { throw StageError("expected a word of 1 to \(PackedWord.capacity) bytes, found '\(word)'") }
        words.insert(packed)
    }

    /// Removes `word` (ASCII letters in any case).
    public mutating func remove(_ word: String) {
        if let packed = PackedWord(word) { words.remove(packed) }
    }

    /// Whether `word` (ASCII letters in any case) is in the list.
    public func contains(_ word: String) -> Bool { PackedWord(word).map(words.contains) ?? false }

    /// Whether `bytes` (any ASCII case) is in the list. Allocates nothing.
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = PackedWord(lowercasing: bytes) else { return false }
        return table[word] != nil
    }

    public static func == (lhs: WordList, rhs: WordList) -> Bool { lhs.words == rhs.words }

    /// The bundled list `Resources/sentences/<name>-<language>.txt`, or nil when there is none.
    static func bundled(_ name: String, language: String) throws -> WordList? {
        guard let text = BundledResource.text(name: "\(name)-\(language)") else { return nil }
        return try WordList(parsing: text, source: "\(name)-\(language).txt")
    }
}

/// Data files shipped in `Resources/sentences`.
enum BundledResource {
    /// The UTF-8 text of `Resources/sentences/<name>.txt`, or nil.
    static func text(name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/sentences") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
