import Foundation
import TextPipeline

/// One line a stage writes, decoded. Unknown fields are ignored so later
/// minor additions stay compatible.
struct ExternalReply: Decodable {
    /// `hello`, `result` or `error`.
    let type: String
    let `protocol`: Int?
    let stage: String?
    let seq: Int?
    let message: String?
    let entities: [WireEntity]?
    let spans: [String: [WireSpan]]?
    let attributes: [String: WireValue]?

    struct WireEntity: Decodable {
        let start: Int
        let end: Int
        let label: String
        let id: String?
    }

    struct WireSpan: Decodable {
        let start: Int
        let end: Int
        let label: String?
    }

    /// Decodes one line.
    /// - Throws: ``ExternalFailure/badReply(_:)`` with a short excerpt of the line.
    static func decode(_ line: [UInt8]) throws(ExternalFailure) -> ExternalReply {
        do {
            return try JSONDecoder().decode(ExternalReply.self, from: Data(line))
        } catch {
            let excerpt = String(decoding: line.prefix(80), as: UTF8.self)
            throw .badReply("not a protocol message: '\(excerpt)\(line.count > 80 ? "…" : "")'")
        }
    }
}

/// Any JSON value, for document attributes.
struct WireValue: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let items = try? container.decode([WireValue].self) {
            value = .array(items.map(\.value))
        } else {
            value = .object(try container.decode([String: WireValue].self).mapValues(\.value))
        }
    }
}
