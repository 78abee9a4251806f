import TextPipeline

/// Version 1 of the external-stage protocol: JSON lines over the child's
/// stdin and stdout, specified in `docs/external-protocol.md`.
///
/// Offsets in both directions are Unicode code points (as Python slices
/// count them), end exclusive.
enum ExternalProtocol {
    static let version = 1

    /// The layers a stage may ask to receive with each article.
    static let sendableLayers: [LayerName] = [.tokens, .sentences, .entities]

    /// The first line textpipe writes: `{"type":"hello","protocol":1,"stage":NAME,"layers":[...]}`.
    static func hello(stage: String, layers: [LayerName]) -> [UInt8] {
        var out = JSONBuffer(capacity: 128)
        out.raw("{\"type\":\"hello\",\"protocol\":")
        out.integer(version)
        out.raw(",\"stage\":")
        out.string(stage)
        out.raw(",\"layers\":")
        out.value(.array(layers.map { .string($0.rawValue) }))
        out.raw("}\n")
        return out.bytes
    }

    /// One article: `{"type":"analyse","seq":N,"id":ID,"text":TEXT,"layers":{...}}`, with the requested layers.
    static func request(_ document: Document, seq: Int, layers: [LayerName], into out: inout JSONBuffer) {
        out.bytes.removeAll(keepingCapacity: true)
        out.raw("{\"type\":\"analyse\",\"seq\":")
        out.integer(seq)
        out.raw(",\"id\":")
        out.id(document.id)
        out.raw(",\"text\":")
        // Through String: JSONBuffer's generic byte overload is not specialised across modules
        // and would allocate per byte; the String overload runs specialised code inside TextPipeline.
        out.string(String(decoding: document.utf8, as: UTF8.self))
        if let title = document.title {
            out.raw(",\"title\":")
            out.string(title)
        }
        out.raw(",\"layers\":{")
        for (index, layer) in layers.enumerated() {
            if index > 0 { out.raw(",") }
            out.string(layer.rawValue)
            out.raw(":")
            encode(layer, of: document, into: &out)
        }
        out.raw("}}\n")
    }

    private static func encode(_ layer: LayerName, of document: Document, into out: inout JSONBuffer) {
        var converter = OffsetConverter(utf8: document.utf8, unit: .codepoint)
        func span(_ bytes: Range<Int>) {
            out.raw("{\"start\":")
            out.integer(converter.convert(bytes.lowerBound))
            out.raw(",\"end\":")
            out.integer(converter.convert(bytes.upperBound))
        }
        out.raw("[")
        switch layer {
        case .tokens:
            for index in 0 ..< document.tokens.count {
                if index > 0 { out.raw(",") }
                span(document.tokens.byteRange(index))
                out.raw(",\"kind\":")
                out.string(document.tokens.kinds[index].description)
                out.raw("}")
            }
        case .sentences:
            for index in 0 ..< document.sentences.count {
                if index > 0 { out.raw(",") }
                span(document.byteRange(ofTokens: document.sentences.tokenRange(index)))
                out.raw("}")
            }
        default:
            for index in 0 ..< document.entities.count {
                if index > 0 { out.raw(",") }
                span(document.byteRange(ofTokens: document.entities.tokenRange(index)))
                out.raw(",\"label\":")
                out.string(document.entities.labels[index].rawValue)
                if let id = document.entities.canonicalIDs[index] {
                    out.raw(",\"id\":")
                    out.string(id)
                }
                out.raw("}")
            }
        }
        out.raw("]")
    }
}
