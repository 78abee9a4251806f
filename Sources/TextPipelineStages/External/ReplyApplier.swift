import TextPipeline

/// Checks a `result` reply against the request and the stage's declared
/// outputs, then writes it into the document: compute first, write last, so
/// a bad reply leaves the document untouched.
struct ReplyApplier {
    let outputs: ExternalOutputs
    /// Code point → byte offset for the current document (count + 1 entries).
    private var byteOfCodePoint: [Int32] = []

    init(outputs: ExternalOutputs) { self.outputs = outputs }

    mutating func apply(_ reply: ExternalReply, to document: inout Document) throws(ExternalFailure) {
        mapOffsets(document.utf8)
        var entities: [ProposedEntity] = []
        for (index, entity) in (reply.entities ?? []).enumerated() {
            guard outputs.entities else { throw .badReply("entities were not declared with 'entities: true'") }
            let bytes = try byteRange(entity.start, entity.end, "entities[\(index)]")
            guard !entity.label.isEmpty else { throw .badReply("entities[\(index)] has an empty label") }
            entities.append(
                ProposedEntity(
                    tokens: try tokens(covering: bytes, document.tokens, "entities[\(index)]"),
                    label: EntityLabel(rawValue: entity.label), canonicalID: entity.id))
        }
        var spans: [String: SpanLayer] = [:]
        for (name, items) in reply.spans ?? [:] {
            guard outputs.spans.contains(name) else { throw .badReply("span layer '\(name)' was not declared in 'spans'") }
            var layer = document.spans[name] ?? SpanLayer()
            for (index, span) in items.enumerated() {
                layer.append(bytes: try byteRange(span.start, span.end, "spans.\(name)[\(index)]"), label: span.label)
            }
            spans[name] = layer.sortedByStart()
        }
        for name in (reply.attributes ?? [:]).keys where !outputs.attributes.contains(name) {
            throw .badReply("attribute '\(name)' was not declared in 'attributes'")
        }
        document.entities.merge(entities, tokenCount: document.tokens.count)
        for (name, layer) in spans { document.spans[name] = layer }
        for (name, value) in reply.attributes ?? [:] { document.attributes[name] = value.value }
    }

    private mutating func mapOffsets(_ utf8: [UInt8]) {
        byteOfCodePoint.removeAll(keepingCapacity: true)
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { byteOfCodePoint.append(Int32(offset)) }
        byteOfCodePoint.append(Int32(utf8.count))
    }

    private func byteRange(_ start: Int, _ end: Int, _ what: String) throws(ExternalFailure) -> Range<Int> {
        guard start >= 0, start < end, end < byteOfCodePoint.count else {
            throw .badReply("\(what) [\(start), \(end)) is not a non-empty range inside the text's \(byteOfCodePoint.count - 1) code points")
        }
        return Int(byteOfCodePoint[start]) ..< Int(byteOfCodePoint[end])
    }

    /// The tokens whose extent is exactly `bytes`.
    private func tokens(covering bytes: Range<Int>, _ tokens: TokenLayer, _ what: String) throws(ExternalFailure) -> Range<Int> {
        let first = tokens.firstToken(endingAfter: Int32(bytes.lowerBound))
        let last = tokens.firstToken(endingAfter: Int32(bytes.upperBound - 1))
        guard first < tokens.count, last < tokens.count, first <= last,
            Int(tokens.starts[first]) == bytes.lowerBound, Int(tokens.ends[last]) == bytes.upperBound
        else {
            throw .badReply("\(what) does not start and end on token boundaries")
        }
        return first ..< last + 1
    }
}
