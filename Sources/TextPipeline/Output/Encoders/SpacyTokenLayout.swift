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
        let tokens = document.tokens
        return document.utf8.withUnsafeBufferPointer { text in
            tokens.starts.withUnsafeBufferPointer { starts in
                tokens.ends.withUnsafeBufferPointer { ends in
                    var walk = Walk(text: text, capacity: starts.count * 2 + 8)
                    var gapStart = 0
                    for index in 0 ..< starts.count {
                        let start = Int(starts[index])
                        let end = Int(ends[index])
                        // A token Python sees as white space (a lone no-break space) is gap text to spaCy.
                        if walk.isWhiteSpace(start, end) { continue }
                        if start > gapStart { walk.gapWords(gapStart, start) }
                        walk.word(start, end)
                        gapStart = end
                    }
                    return walk.finish(gapStart: gapStart)
                }
            }
        }
    }

    /// The walk over one text: `position` is where the next spaCy token starts
    /// (after the last word and its one trailing space).
    private struct Walk {
        let text: UnsafeBufferPointer<UInt8>
        var bounds: [Int32] = []
        var position = 0

        init(text: UnsafeBufferPointer<UInt8>, capacity: Int) {
            self.text = text
            bounds.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func token(_ start: Int, _ end: Int) {
            bounds.append(Int32(start))
            bounds.append(Int32(end))
        }

        /// A word: the text before it since `position` (white space) is a token of its own.
        @inline(__always)
        mutating func word(_ start: Int, _ end: Int) {
            if start > position { token(position, start) }
            token(start, end)
            position = end
            if position < text.count, text[position] == 0x20 { position += 1 }
        }

        /// Each run of non-white-space text in `start..<end` (text no token covers) is a word.
        mutating func gapWords(_ start: Int, _ end: Int) {
            var index = start
            while index < end {
                while index < end, isWhiteSpaceScalar(at: index) { index += UTF8Scalar.length(text[index]) }
                let runStart = index
                while index < end, !isWhiteSpaceScalar(at: index) { index += UTF8Scalar.length(text[index]) }
                if index > runStart { word(runStart, min(index, end)) }
            }
        }

        /// The gap words after the last token, the last white space as a token, and the bounds.
        mutating func finish(gapStart: Int) -> [Int32] {
            if text.count > gapStart { gapWords(gapStart, text.count) }
            if position < text.count { token(position, text.count) }
            return bounds
        }

        /// Whether every scalar of `start..<end` is white space to Python.
        @inline(__always)
        func isWhiteSpace(_ start: Int, _ end: Int) -> Bool {
            let lead = text[start]
            if lead > 0x20, lead < 0x80 { return false }
            var index = start
            while index < end {
                if !isWhiteSpaceScalar(at: index) { return false }
                index += UTF8Scalar.length(text[index])
            }
            return true
        }

        /// Whether the scalar at `index` is white space as Python's `str.isspace()` sees it;
        /// ASCII is decided without decoding.
        @inline(__always)
        func isWhiteSpaceScalar(at index: Int) -> Bool {
            let byte = text[index]
            if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F) }
            return CoNLLFields.isWhiteSpace(UTF8Scalar.value(in: text, at: index))
        }
    }
}

/// Decoding single scalars from valid UTF-8, for encoders that look at characters between tokens.
enum UTF8Scalar {
    /// The length of the sequence that `lead` starts.
    @inline(__always)
    static func length(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar value of the sequence at `index`.
    static func value(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        let lead = text[index]
        let count = length(lead)
        guard count > 1 else { return UInt32(lead) }
        var value = UInt32(lead & (0xFF >> (count + 1)))
        for position in index + 1 ..< min(index + count, text.count) { value = value << 6 | UInt32(text[position] & 0x3F) }
        return value
    }
}
