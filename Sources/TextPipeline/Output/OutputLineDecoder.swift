import Foundation

/// Rebuilds what an HTML report needs from a JSON output line of an earlier
/// run and the article it came from (`textpipe render`).
///
/// The document gets the line's sentences, entities (with labels and ids) and
/// keywords. Its token layer is synthetic: one token between each pair of
/// consecutive span boundaries, so that spans keep their exact offsets.
public struct OutputLineDecoder: Sendable {
    /// The unit of the output's offsets (the run's `--offsets`).
    public let offsets: OffsetUnit

    /// A decoder of lines whose offsets are in `offsets`.
    public init(offsets: OffsetUnit = .codepoint) { self.offsets = offsets }

    /// A decoded line: an analysed document or an error record.
    public enum Decoded: Sendable {
        /// The line analysed an article: its document with the line's layers.
        case document(Document)
        /// The line is an error record.
        case error(ErrorRecord)
    }

    /// A line that does not fit its article, or is not an output line.
    public struct Mismatch: Error, Sendable, CustomStringConvertible {
        /// What does not fit, naming the field.
        public let message: String
        public var description: String { message }
    }

    /// Decodes `line` against `article` (nil when the input record was unreadable).
    /// - Throws: ``Mismatch`` when the line is not JSON, its id differs from the article's,
    ///   or an offset lies outside the text.
    public func decode(_ line: [UInt8], article: Article?, fallbackID: ArticleID) throws(Mismatch) -> Decoded {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            throw Mismatch(message: "not a JSON object")
        }
        if case .string(let expected) = article?.id ?? fallbackID, let found = object["id"] as? String, found != expected {
            throw Mismatch(message: "its id is \(found), the input record's is \(expected)")
        }
        if let error = object["error"] as? [String: Any] {
            return .error(
                ErrorRecord(
                    id: article?.id ?? fallbackID, stage: error["stage"] as? String ?? "",
                    kind: ErrorKind(rawValue: error["kind"] as? String ?? ""), message: error["message"] as? String ?? "",
                    source: error["source"] as? String ?? "", line: error["line"] as? Int ?? 0))
        }
        guard let article else { throw Mismatch(message: "it is an analysis, but the input record is unreadable") }
        return .document(try document(object, article))
    }

    private func document(_ object: [String: Any], _ article: Article) throws(Mismatch) -> Document {
        let table = ByteOffsets(text: article.text, unit: offsets)
        func spans(_ key: String) throws(Mismatch) -> [(Range<Int>, [String: Any])] {
            var result: [(Range<Int>, [String: Any])] = []
            for item in object[key] as? [[String: Any]] ?? [] {
                guard let start = item["start"] as? Int, let end = item["end"] as? Int,
                    let from = table.byte(start), let to = table.byte(end), from < to
                else { throw Mismatch(message: "a \(key) span lies outside the text or is empty") }
                result.append((from ..< to, item))
            }
            return result
        }
        let sentences = try spans("sentences"), entities = try spans("entities")
        let cuts = Array(Set(sentences.flatMap { [$0.0.lowerBound, $0.0.upperBound] } + entities.flatMap { [$0.0.lowerBound, $0.0.upperBound] })).sorted()
        var document = Document(id: article.id, utf8: article.text, title: article.title, language: article.language)
        var tokenAt: [Int: Int] = [:]
        for (index, cut) in cuts.enumerated() {
            tokenAt[cut] = index
            if index + 1 < cuts.count { document.tokens.append(start: Int32(cut), end: Int32(cuts[index + 1]), kind: .word) }
        }
        for (range, _) in sentences { document.sentences.append(tokens: tokenAt[range.lowerBound]! ..< tokenAt[range.upperBound]!) }
        for (range, item) in entities {
            document.entities.append(
                tokens: tokenAt[range.lowerBound]! ..< tokenAt[range.upperBound]!,
                label: EntityLabel(rawValue: item["label"] as? String ?? "MISC"), canonicalID: item["id"] as? String)
        }
        document.keywords = (object["keywords"] as? [[String: Any]] ?? []).compactMap { item in
            (item["text"] as? String).map { Keyword(text: $0, score: item["score"] as? Double ?? 0) }
        }
        return document
    }
}

/// Maps offsets in a unit back to UTF-8 byte offsets of one text.
struct ByteOffsets {
    /// Byte offset of each unit offset; empty when the two are the same.
    private var bytes: [Int] = []
    private let count: Int

    init(text: [UInt8], unit: OffsetUnit) {
        count = text.count
        guard unit != .utf8, text.contains(where: { $0 >= 0x80 }) else { return }
        for (index, byte) in text.enumerated() where byte & 0xC0 != 0x80 {
            bytes.append(index)
            if unit == .utf16, byte >= 0xF0 { bytes.append(index) }
        }
        bytes.append(text.count)
    }

    /// The byte offset of `offset`, or nil outside the text.
    func byte(_ offset: Int) -> Int? {
        if bytes.isEmpty { return offset >= 0 && offset <= count ? offset : nil }
        return offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }
}
