import TextPipeline

/// Separates possessive endings: UAX #29 keeps "Putin's" and "Putin’s" as one
/// token, but the entity is "Putin" alone.
enum PossessiveSplit {
    /// The byte length of a trailing `'s` / `’s` (either case) on a word token
    /// longer than the ending, or 0.
    @inline(__always)
    static func suffixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        guard count >= 3, bytes[count - 1] | 0x20 == 0x73 else { return 0 }
        if bytes[count - 2] == 0x27 { return count > 2 ? 2 : 0 }
        // U+2019 is E2 80 99 in UTF-8.
        if count >= 5, bytes[count - 2] == 0x99, bytes[count - 3] == 0x80, bytes[count - 4] == 0xE2 { return 4 }
        return 0
    }

    /// Splits every possessive word token of `document` in two (the name, a
    /// punctuation-kind ending) and moves sentence ranges to match.
    /// Leaves the document untouched when no token has the ending.
    static func apply(to document: inout Document) {
        let tokens = document.tokens
        var splits: [Int] = []
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< tokens.count where tokens.kinds[index] == .word {
                let range = tokens.byteRange(index)
                if suffixLength(UnsafeBufferPointer(rebasing: text[range])) > 0 { splits.append(index) }
            }
        }
        guard !splits.isEmpty else { return }
        var rebuilt = TokenLayer()
        rebuilt.reserveCapacity(tokens.count + splits.count)
        var newIndex = [Int32](repeating: 0, count: tokens.count + 1)
        var next = 0
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< tokens.count {
                newIndex[index] = Int32(rebuilt.count)
                let start = tokens.starts[index], end = tokens.ends[index]
                if next < splits.count, splits[next] == index {
                    next += 1
                    let cut = end - Int32(suffixLength(UnsafeBufferPointer(rebasing: text[Int(start) ..< Int(end)])))
                    rebuilt.append(start: start, end: cut, kind: .word)
                    rebuilt.append(start: cut, end: end, kind: .punctuation)
                } else {
                    rebuilt.append(start: start, end: end, kind: tokens.kinds[index])
                }
            }
        }
        newIndex[tokens.count] = Int32(rebuilt.count)
        document.tokens = rebuilt
        remapSentences(&document.sentences, newIndex)
        remapEntities(&document.entities, newIndex)
    }

    private static func remapEntities(_ entities: inout EntityLayer, _ newIndex: [Int32]) {
        guard !entities.isEmpty else { return }
        let old = entities
        entities = EntityLayer()
        for index in 0 ..< old.count {
            let range = old.tokenRange(index)
            entities.append(tokens: Int(newIndex[range.lowerBound]) ..< Int(newIndex[range.upperBound]),
                            label: old.labels[index], canonicalID: old.canonicalIDs[index])
        }
    }

    private static func remapSentences(_ sentences: inout SentenceLayer, _ newIndex: [Int32]) {
        let old = sentences
        sentences.removeAll()
        for index in 0 ..< old.count {
            let range = old.tokenRange(index)
            sentences.append(tokens: Int(newIndex[range.lowerBound]) ..< Int(newIndex[range.upperBound]))
        }
    }
}
