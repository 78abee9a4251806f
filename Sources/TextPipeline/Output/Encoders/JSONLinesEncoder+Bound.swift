extension JSONLinesEncoder {
    /// The most bytes the reserved block of ``encode(_:into:)-(Document,_)`` takes: the
    /// id and the built-in layers the options ask for, and the closing `}` and
    /// line break when `closing` is true. Every string counts six bytes per
    /// byte (the longest escape) and every number its longest form.
    /// - Complexity: O(entities + keywords).
    func maxBlockBytes(_ document: Document, closing: Bool) -> Int {
        var total = 6 + ByteWriter.maxIDBytes(document.id) + (closing ? 2 : 0)
        if writes.tokens { total += 12 + document.tokens.count * (SpanJSON.maxFieldsBytes + 24) }
        if writes.sentences { total += SpanJSON.maxSentencesBytes(document, key: ",\"sentences\":[") }
        if writes.entities { total += maxEntitiesBytes(document) }
        if writes.keywords { total += maxKeywordsBytes(document) }
        return total
    }

    /// `,"entities":[`, then per entity `,{`, its fields, `,"text":`, `,"label":`,
    /// `,"id":` and `}` with their strings, then `]`.
    private func maxEntitiesBytes(_ document: Document) -> Int {
        let entities = document.entities
        var total = 14 + entities.count * (2 + SpanJSON.maxFieldsBytes + 8 + 9 + 6 + 1 + 3 * ByteWriter.maxStringBytes(0))
        for index in 0 ..< entities.count {
            let bytes = document.byteRange(ofTokens: entities.tokenRange(index))
            var textBytes = bytes.count + entities.labels[index].rawValue.utf8.count
            if entities.hasCanonicalID(index) { textBytes += entities.withCanonicalIDBytes(index) { $0.count } }
            total += ByteWriter.maxStringBytes(textBytes) - ByteWriter.maxStringBytes(0)
        }
        return total
    }

    /// `,"keywords":[`, then per keyword `,{"text":`, its text, `,"score":`, its score and `}`, then `]`.
    private func maxKeywordsBytes(_ document: Document) -> Int {
        var total = 14
        for keyword in document.keywords {
            total += 9 + ByteWriter.maxStringBytes(keyword.text.utf8.count) + 9 + ByteWriter.maxNumberBytes + 1
        }
        return total
    }
}
