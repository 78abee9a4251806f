import Foundation
import TextPipeline

/// Abbreviations that a period may follow without ending a sentence.
///
/// Entries are lower case, without their final period. A `prefix` entry
/// ("dr", "no", "st") stands before a name or number and never ends a
/// sentence when a word or number follows; other entries ("inc", "etc")
/// may end one, decided by what follows.
public struct AbbreviationList: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case prefix
        case general
    }

    private var entries: [[UInt8]: Kind] = [:]

    public init() {}

    /// The number of abbreviations.
    public var count: Int { entries.count }

    /// Parses the data-file format: one entry per line, `#` comments, optional class `prefix`.
    /// - Throws: a message naming the line for an unknown class.
    public init(parsing text: String, source: String) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first else { continue }
            let kind: Kind
            switch fields.count {
            case 1: kind = .general
            case 2 where fields[1] == "prefix": kind = .prefix
            default:
                throw StageError("\(source):\(index + 1): expected 'abbreviation' or 'abbreviation prefix', found '\(line)'")
            }
            insert(String(first), kind: kind)
        }
    }

    /// Adds an abbreviation; a trailing period is ignored, case does not matter.
    public mutating func insert(_ abbreviation: String, kind: Kind = .general) {
        entries[Self.key(abbreviation)] = kind
    }

    public mutating func remove(_ abbreviation: String) {
        entries[Self.key(abbreviation)] = nil
    }

    /// The class of the abbreviation spelled by `bytes` (any case), or nil.
    public func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard bytes.count <= 16 else { return nil }
        var lowered = [UInt8]()
        lowered.reserveCapacity(bytes.count)
        for byte in bytes { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return entries[lowered]
    }

    public func contains(_ abbreviation: String) -> Bool { entries[Self.key(abbreviation)] != nil }

    private static func key(_ abbreviation: String) -> [UInt8] {
        var text = abbreviation.lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        return Array(text.utf8)
    }

    /// The list shipped for `language` (for example `en`), or nil when there is none.
    public static func bundled(language: String) throws -> AbbreviationList? {
        guard let url = Bundle.module.url(forResource: "abbreviations-\(language)", withExtension: "txt", subdirectory: "Resources/sentences"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return try AbbreviationList(parsing: text, source: url.lastPathComponent)
    }
}
