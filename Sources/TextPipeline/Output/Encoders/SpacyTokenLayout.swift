/// The tokens spaCy makes of a text and a word list, reproduced over a
/// document's token layer, so that `Doc.from_json` accepts them.
///
/// `spacy.util.get_words_and_spaces` walks the words in order: text before a
/// word (white space only) becomes a token of its own, and one `" "` right
/// after a word is that word's trailing space, not a token; text after the
/// last word is a last token. Our words are the document's tokens plus each
/// run of non-white-space text that no token covers, less the tokens that are white space to Python (so the words, joined,
/// hold every non-white-space character, as `from_json` requires).
enum SpacyTokenLayout {
    /// Calls `body` with the UTF-8 byte range of each spaCy token, in order.
    static func forEachToken(of document: Document, _ body: (Int, Int) -> Void) {
        let bounds = tokenBounds(of: document)
        for index in stride(from: 0, to: bounds.count, by: 2) { body(Int(bounds[index]), Int(bounds[index + 1])) }
    }

    /// The UTF-8 byte ranges of the spaCy tokens, as start, end, start, end, ...
    /// One array per document; the encoder's loop over it has no closure call per token.
    static func tokenBounds(of document: Document) -> [Int32] {
        var bounds: [Int32] = []
        bounds.reserveCapacity(document.tokens.count * 2 + 8)
        let body = { (start: Int, end: Int) in
            bounds.append(Int32(start))
            bounds.append(Int32(end))
        }
        let text = document.utf8
        let tokens = document.tokens
        var position = 0
        func word(_ start: Int, _ end: Int) {
            if start > position { body(position, start) }
            body(start, end)
            position = end
            if position < text.count, text[position] == 0x20 { position += 1 }
        }
        func gapWords(_ start: Int, _ end: Int) {
            var index = start
            while index < end {
                while index < end, UTF8Scalar.isWhiteSpace(in: text, at: index) { index += UTF8Scalar.length(text[index]) }
                let runStart = index
                while index < end, !UTF8Scalar.isWhiteSpace(in: text, at: index) { index += UTF8Scalar.length(text[index]) }
                if index > runStart { word(runStart, min(index, end)) }
            }
        }
        var gapStart = 0
        for index in 0 ..< tokens.count {
            let range = tokens.byteRange(index)
            // A token Python sees as white space (a lone no-break space) is gap text to spaCy.
            if isWhiteSpace(text, range) { continue }
            if range.lowerBound > gapStart { gapWords(gapStart, range.lowerBound) }
            word(range.lowerBound, range.upperBound)
            gapStart = range.upperBound
        }
        if text.count > gapStart { gapWords(gapStart, text.count) }
        if position < text.count { body(position, text.count) }
        return bounds
    }

    private static func isWhiteSpace(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        let lead = text[range.lowerBound]
        if lead > 0x20, lead < 0x80 { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            if !UTF8Scalar.isWhiteSpace(in: text, at: index) { return false }
            index += UTF8Scalar.length(text[index])
        }
        return true
    }
}

/// Decoding single scalars from valid UTF-8, for encoders that look at characters between tokens.
enum UTF8Scalar {
    /// The length of the sequence that `lead` starts.
    @inline(__always)
    static func length(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar value of the sequence at `index`.
    static func value(in text: [UInt8], at index: Int) -> UInt32 {
        let lead = text[index]
        let count = length(lead)
        guard count > 1 else { return UInt32(lead) }
        var value = UInt32(lead & (0xFF >> (count + 1)))
        for position in index + 1 ..< min(index + count, text.count) { value = value << 6 | UInt32(text[position] & 0x3F) }
        return value
    }

    /// Whether the scalar at `index` is white space as Python's `str.isspace()` sees it.
    static func isWhiteSpace(in text: [UInt8], at index: Int) -> Bool {
        CoNLLFields.isWhiteSpace(value(in: text, at: index))
    }
}
