import Foundation
import TextPipeline

/// A sentiment lexicon: lower-case word → score in [-1, 1].
///
/// A heavy read-only resource: loaded once when the pipeline loads and shared
/// by every worker (it is an immutable `Sendable` value).
public struct Lexicon: Sendable {
    /// Keys are lower-case UTF-8 bytes, so a worker can look a token up with
    /// a reused byte buffer instead of building a `String` per token.
    let scores: [[UInt8]: Double]

    public var count: Int { scores.count }

    /// Parses `word<TAB>score` lines; `#` starts a comment.
    /// - Throws: ``LexiconError`` naming the line of a malformed entry.
    public init(parsing text: String) throws {
        var scores: [[UInt8]: Double] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == 2, let score = Double(fields[1]), (-1 ... 1).contains(score) else {
                throw LexiconError(line: index + 1, message: "expected 'word<TAB>score' with a score from -1 to 1")
            }
            scores[Array(fields[0].lowercased().utf8)] = score
        }
        self.scores = scores
    }

    /// The FNV-1a 64 hash of `text`'s UTF-8 bytes as 16 hex digits, for the run metrics.
    public static func checksum(of text: String) -> String {
        let hash = text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The score of a lower-case word, if listed.
    func score(_ lowercased: [UInt8]) -> Double? { scores[lowercased] }
}

/// A malformed lexicon line.
public struct LexiconError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "line \(line): \(message)" }
}
