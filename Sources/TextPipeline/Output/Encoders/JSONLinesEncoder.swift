/// Encodes analysed documents and error records as JSON lines (schema in docs/output.schema.json).
public struct JSONLinesEncoder: DocumentEncoder {
    /// Offsets, token output and the layers to write.
    public let options: OutputOptions

    /// Which of the built-in layers `options` asks for, looked up once (a set lookup hashes the name).
    let writes: WrittenLayers

    /// An encoder writing as `options` says.
    public init(options: OutputOptions) {
        self.options = options
        writes = WrittenLayers(options)
    }

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
    ///
    /// The id and the built-in layers go through one block reserved for their
    /// most bytes (`maxBlockBytes(_:closing:)`): into an empty `out`, as in
    /// the engine, the line is written in place, with one allocation.
    public func encode(_ document: Document, into out: inout JSONBuffer) {
        var converter = OffsetConverter(utf8: document.utf8, unit: options.offsets)
        let hasExtras = !document.spans.isEmpty || !document.attributes.isEmpty || !document.warnings.isEmpty
        out.write(atMost: maxBlockBytes(document, closing: !hasExtras)) { writer in
            writer.raw("{\"id\":")
            writer.id(document.id)
            if writes.tokens { encodeTokens(document, &converter, &writer) }
            if writes.sentences { SpanJSON.sentences(document, key: ",\"sentences\":[", &converter, into: &writer) }
            if writes.entities { encodeEntities(document, &converter, &writer) }
            if writes.keywords { encodeKeywords(document, &writer) }
            if !hasExtras { writer.raw("}\n") }
        }
        guard hasExtras else { return }
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

    /// The built-in layers a line holds.
    struct WrittenLayers: Sendable {
        var tokens, sentences, entities, keywords: Bool

        init(_ options: OutputOptions) {
            tokens = options.emitTokens && options.layers.contains(.tokens)
            sentences = options.layers.contains(.sentences)
            entities = options.layers.contains(.entities)
            keywords = options.layers.contains(.keywords)
        }
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

    private func encodeTokens(_ document: Document, _ converter: inout OffsetConverter, _ writer: inout ByteWriter) {
        writer.raw(",\"tokens\":[")
        let tokens = document.tokens
        for index in 0 ..< tokens.count {
            writer.raw(index > 0 ? ",{" : "{")
            SpanJSON.fields(Int(tokens.starts[index]), Int(tokens.ends[index]), &converter, into: &writer)
            writer.raw(",\"kind\":\"")
            writer.raw(Self.kindName(tokens.kinds[index]))
            writer.raw("\"}")
        }
        writer.raw("]")
    }

    /// The name of a token kind, as ``TokenKind/description`` spells it, without a String.
    static func kindName(_ kind: TokenKind) -> StaticString { kind.name }

    private func encodeEntities(_ document: Document, _ converter: inout OffsetConverter, _ writer: inout ByteWriter) {
        writer.raw(",\"entities\":[")
        let entities = document.entities
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< entities.count {
                writer.raw(index > 0 ? ",{" : "{")
                let bytes = document.byteRange(ofTokens: entities.tokenRange(index))
                SpanJSON.fields(bytes.lowerBound, bytes.upperBound, &converter, into: &writer)
                writer.raw(",\"text\":")
                writer.string(UnsafeBufferPointer(rebasing: text[bytes]))
                writer.raw(",\"label\":")
                writer.string(entities.labels[index].rawValue)
                if entities.hasCanonicalID(index) {
                    writer.raw(",\"id\":")
                    entities.withCanonicalIDBytes(index) { writer.string($0) }
                }
                writer.raw("}")
            }
        }
        writer.raw("]")
    }

    private func encodeKeywords(_ document: Document, _ writer: inout ByteWriter) {
        writer.raw(",\"keywords\":[")
        for (index, keyword) in document.keywords.enumerated() {
            writer.raw(index > 0 ? ",{\"text\":" : "{\"text\":")
            writer.string(keyword.text)
            writer.raw(",\"score\":")
            writer.number(keyword.score)
            writer.raw("}")
        }
        writer.raw("]")
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
