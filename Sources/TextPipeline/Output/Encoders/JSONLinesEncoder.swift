/// Encodes analysed documents and error records as JSON lines (schema in docs/output.schema.json).
public struct JSONLinesEncoder: DocumentEncoder {
    /// Offsets, token output and the layers to write.
    public let options: OutputOptions

    /// An encoder writing as `options` says.
    public init(options: OutputOptions) { self.options = options }

    public var framing: RecordFraming { .lines }

    public func encode(_ document: Document, into out: inout EncodedRecord) {
        encode(document, into: &out.buffer)
    }

    public func encode(_ error: ErrorRecord, into out: inout EncodedRecord) {
        encodeError(
            id: error.id, stage: error.stage, kind: error.kind, message: error.message,
            source: error.source, line: error.line, into: &out.buffer)
    }

    /// Appends the line (with its `\n`) for an analysed document.
    public func encode(_ document: Document, into out: inout JSONBuffer) {
        var converter = OffsetConverter(utf8: document.utf8, unit: options.offsets)
        out.raw("{\"id\":")
        out.id(document.id)
        if options.emitTokens && options.layers.contains(.tokens) { encodeTokens(document, &converter, &out) }
        if options.layers.contains(.sentences) { SpanJSON.sentences(document, key: ",\"sentences\":[", &converter, into: &out) }
        if options.layers.contains(.entities) { encodeEntities(document, &converter, &out) }
        if options.layers.contains(.keywords) { encodeKeywords(document, &out) }
        if !document.spans.isEmpty { encodeSpans(document, &converter, &out) }
        if !document.attributes.isEmpty {
            out.raw(",\"attributes\":")
            out.value(.object(document.attributes))
        }
        if !document.warnings.isEmpty {
            out.raw(",\"warnings\":")
            out.value(.array(document.warnings.map(JSONValue.string)))
        }
        out.raw("}\n")
    }

    /// Appends the error record for an article that could not be analysed.
    public func encodeError(id: ArticleID, stage: String, kind: ErrorKind, message: String, source: String, line: Int, into out: inout JSONBuffer) {
        out.raw("{\"id\":")
        out.id(id)
        out.raw(",\"error\":{\"stage\":")
        out.string(stage)
        out.raw(",\"kind\":")
        out.string(kind.rawValue)
        out.raw(",\"message\":")
        out.string(message)
        out.raw(",\"source\":")
        out.string(source)
        out.raw(",\"line\":")
        out.integer(line)
        out.raw("}}\n")
    }

    private func span(_ start: Int32, _ end: Int32, _ converter: inout OffsetConverter, _ out: inout JSONBuffer) {
        out.raw("{")
        SpanJSON.fields(Int(start), Int(end), &converter, into: &out)
    }

    private func encodeTokens(_ document: Document, _ converter: inout OffsetConverter, _ out: inout JSONBuffer) {
        out.raw(",\"tokens\":[")
        let tokens = document.tokens
        // `,{` + fields + `,"kind":"ideographic"}` at most per token, through one reserved block per document.
        out.write(atMost: tokens.count * (SpanJSON.maxFieldsBytes + 24)) { writer in
            for index in 0 ..< tokens.count {
                writer.raw(index > 0 ? ",{" : "{")
                SpanJSON.fields(Int(tokens.starts[index]), Int(tokens.ends[index]), &converter, into: &writer)
                writer.raw(",\"kind\":\"")
                writer.raw(Self.kindName(tokens.kinds[index]))
                writer.raw("\"}")
            }
        }
        out.raw("]")
    }

    /// The name of a token kind, as ``TokenKind/description`` spells it, without a String.
    static func kindName(_ kind: TokenKind) -> StaticString { kind.name }

    private func encodeEntities(_ document: Document, _ converter: inout OffsetConverter, _ out: inout JSONBuffer) {
        out.raw(",\"entities\":[")
        let entities = document.entities
        for index in 0 ..< entities.count {
            if index > 0 { out.raw(",") }
            let bytes = document.byteRange(ofTokens: entities.tokenRange(index))
            span(Int32(bytes.lowerBound), Int32(bytes.upperBound), &converter, &out)
            out.raw(",\"text\":")
            out.string(document.utf8[bytes])
            out.raw(",\"label\":")
            out.string(entities.labels[index].rawValue)
            if entities.hasCanonicalID(index) {
                out.raw(",\"id\":")
                entities.withCanonicalIDBytes(index) { out.string(contiguous: $0) }
            }
            out.raw("}")
        }
        out.raw("]")
    }

    private func encodeKeywords(_ document: Document, _ out: inout JSONBuffer) {
        out.raw(",\"keywords\":[")
        for (index, keyword) in document.keywords.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"text\":")
            out.string(keyword.text)
            out.raw(",\"score\":")
            out.number(keyword.score)
            out.raw("}")
        }
        out.raw("]")
    }

    private func encodeSpans(_ document: Document, _ converter: inout OffsetConverter, _ out: inout JSONBuffer) {
        out.raw(",\"spans\":{")
        for (layerIndex, name) in document.spans.keys.sorted().enumerated() {
            if layerIndex > 0 { out.raw(",") }
            out.string(name)
            out.raw(":[")
            let layer = document.spans[name]!
            for index in 0 ..< layer.count {
                if index > 0 { out.raw(",") }
                span(layer.starts[index], layer.ends[index], &converter, &out)
                if let label = layer.labels[index] {
                    out.raw(",\"label\":")
                    out.string(label)
                }
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}")
    }
}

/// The old name of ``JSONLinesEncoder``.
public typealias OutputEncoder = JSONLinesEncoder
