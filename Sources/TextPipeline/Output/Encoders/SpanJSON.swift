/// The span objects the JSON formats share (JSON lines, spaCy JSON lines):
/// `"start":S,"end":E` with offsets converted from UTF-8 bytes by an
/// ``OffsetConverter``, and the list of a document's sentences.
enum SpanJSON {
    /// Appends `"start":S,"end":E` for the byte range `start..<end` (no braces).
    /// Calls in ascending order cost O(text) in all (see ``OffsetConverter``).
    @inline(__always)
    static func fields(_ start: Int, _ end: Int, _ converter: inout OffsetConverter, into out: inout JSONBuffer) {
        out.raw("\"start\":")
        out.integer(converter.convert(start))
        out.raw(",\"end\":")
        out.integer(converter.convert(end))
    }

    /// ``fields(_:_:_:into:)`` through a ``ByteWriter`` (per-token loops); at most ``maxFieldsBytes`` bytes.
    @inline(__always)
    static func fields(_ start: Int, _ end: Int, _ converter: inout OffsetConverter, into out: inout ByteWriter) {
        out.raw("\"start\":")
        out.integer(converter.convert(start))
        out.raw(",\"end\":")
        out.integer(converter.convert(end))
    }

    /// The most bytes ``fields(_:_:_:into:)`` writes.
    static let maxFieldsBytes = 15 + 2 * ByteWriter.maxIntegerBytes

    /// Appends `key` (for example `,"sentences":[`), then `{"start":S,"end":E}`
    /// per sentence (from its first token's start to its last token's end), then `]`;
    /// at most ``maxSentencesBytes(_:key:)`` bytes.
    static func sentences(_ document: Document, key: StaticString, _ converter: inout OffsetConverter, into out: inout ByteWriter) {
        out.raw(key)
        for index in 0 ..< document.sentences.count {
            out.raw(index > 0 ? ",{" : "{")
            let bytes = document.byteRange(ofTokens: document.sentences.tokenRange(index))
            fields(bytes.lowerBound, bytes.upperBound, &converter, into: &out)
            out.raw("}")
        }
        out.raw("]")
    }

    /// The most bytes ``sentences(_:key:_:into:)`` writes.
    static func maxSentencesBytes(_ document: Document, key: StaticString) -> Int {
        key.utf8CodeUnitCount + document.sentences.count * (maxFieldsBytes + 3) + 1
    }
}
