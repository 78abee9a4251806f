/// Encodes documents as JSON lines in spaCy 3's `Doc.to_json` layout, so that
/// `Doc(Vocab()).from_json(json.loads(line))` rebuilds each article:
///
///     {"text": "...", "tokens": [{"id":0,"start":0,"end":3}, ...],
///      "sents": [{"start":0,"end":57}], "ents": [{"start":4,"end":19,"label":"ORG","kb_id":"tp:org/..."}],
///      "textpipe": {"id": "en-02", "keywords": ["..."]}}
///
/// Offsets are code points (Python string indices), whatever `--offsets` says.
/// spaCy's tokens cover the whole text: `from_json` checks that the words
/// match its own reconstruction (`spacy.util.get_words_and_spaces`), so the
/// gaps between our tokens become tokens too, exactly as that function cuts
/// them (`SpacyTokenLayout`). `ents` carry the canonical id as `kb_id`
/// (kept in the JSON; `from_json` reads only start, end and label). The article
/// id, keywords and, for an error record (an empty document), the error fields
/// are under the key `textpipe`, which `from_json` ignores: its `_` key would
/// register Doc extensions, and spaCy 3.8 fails to register one without a default.
public struct SpacyEncoder: DocumentEncoder {
    /// The layers the pipeline provides.
    public let layers: Set<LayerName>

    /// - Parameter layers: the layers the pipeline provides; `sents`, `ents` and keywords appear only when provided.
    public init(layers: Set<LayerName>) { self.layers = layers }

    public var framing: RecordFraming { .lines }

    public func encode(_ document: Document, into out: inout EncodedRecord) {
        var converter = OffsetConverter(utf8: document.utf8, unit: .codepoint)
        out.buffer.raw("{\"text\":")
        out.buffer.string(document.utf8)
        out.buffer.raw(",\"tokens\":[")
        let bounds = SpacyTokenLayout.tokenBounds(of: document)
        let tokenCount = bounds.count / 2
        // `,{"id":N,` + fields + `}` per token, written through one reserved block per document.
        out.buffer.write(atMost: tokenCount * (9 + ByteWriter.maxIntegerBytes + SpanJSON.maxFieldsBytes)) { writer in
            bounds.withUnsafeBufferPointer { bounds in
                for id in 0 ..< tokenCount {
                    writer.raw(id > 0 ? ",{\"id\":" : "{\"id\":")
                    writer.integer(id)
                    writer.byte(UInt8(ascii: ","))
                    SpanJSON.fields(Int(bounds[2 * id]), Int(bounds[2 * id + 1]), &converter, into: &writer)
                    writer.byte(UInt8(ascii: "}"))
                }
            }
        }
        out.buffer.raw("]")
        if layers.contains(.sentences) {
            out.buffer.write(atMost: SpanJSON.maxSentencesBytes(document, key: ",\"sents\":[")) { writer in
                SpanJSON.sentences(document, key: ",\"sents\":[", &converter, into: &writer)
            }
        }
        if layers.contains(.entities) { encodeEntities(document, &converter, &out.buffer) }
        out.buffer.raw(",\"textpipe\":{\"id\":")
        out.buffer.id(document.id)
        if layers.contains(.keywords) {
            out.buffer.raw(",\"keywords\":[")
            for (index, keyword) in document.keywords.enumerated() {
                if index > 0 { out.buffer.raw(",") }
                out.buffer.string(keyword.text)
            }
            out.buffer.raw("]")
        }
        out.buffer.raw("}}\n")
    }

    public func encode(_ error: ErrorRecord, into out: inout EncodedRecord) {
        out.buffer.raw("{\"text\":\"\",\"tokens\":[],\"textpipe\":{\"id\":")
        out.buffer.id(error.id)
        out.buffer.raw(",\"error\":")
        out.buffer.value(
            .object([
                "stage": .string(error.stage), "kind": .string(error.kind.rawValue), "message": .string(error.message),
                "source": .string(error.source), "line": .number(Double(error.line)),
            ]))
        out.buffer.raw("}}\n")
    }

    private func encodeEntities(_ document: Document, _ converter: inout OffsetConverter, _ out: inout JSONBuffer) {
        out.raw(",\"ents\":[")
        var written = 0
        var lastEnd = 0
        let entities = document.entities
        for index in 0 ..< entities.count {
            // spaCy's ents may not overlap; an overlapping entity is left out, as in CoNLL.
            let tokens = entities.tokenRange(index)
            guard written == 0 || tokens.lowerBound >= lastEnd else { continue }
            lastEnd = tokens.upperBound
            if written > 0 { out.raw(",") }
            written += 1
            let bytes = document.byteRange(ofTokens: tokens)
            out.raw("{")
            SpanJSON.fields(bytes.lowerBound, bytes.upperBound, &converter, into: &out)
            out.raw(",\"label\":")
            out.string(entities.labels[index].rawValue)
            if entities.hasCanonicalID(index) {
                out.raw(",\"kb_id\":")
                entities.withCanonicalIDBytes(index) { out.string(contiguous: $0) }
            }
            out.raw("}")
        }
        out.raw("]")
    }
}
