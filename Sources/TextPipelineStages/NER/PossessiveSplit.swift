import TextPipeline

/// Separates possessive endings and elided articles: UAX #29 keeps "Putin's",
/// "Putin’s" and French "l’Élysée" as one token each, but the entities are
/// "Putin" and "Élysée". The compiler splits entries the same way.
enum PossessiveSplit {
    /// The byte length of a lower-case elided prefix (`l’`, `d'`, `qu’`, …) followed by a letter, or 0.
    /// Capitalised prefixes ("O'Brien", "D'Alema") are names and stay whole.
    @inline(__always)
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var letters = 0
        while letters < 2, letters < bytes.count, bytes[letters] &- 0x61 < 26 { letters += 1 }
        guard letters == 1 || (letters == 2 && bytes[0] == 0x71 && bytes[1] == 0x75) else { return 0 }
        guard "cdjlmnst".utf8.contains(bytes[0]) || letters == 2 else { return 0 }
        let apostrophe = bytes.count > letters && bytes[letters] == 0x27 ? 1
            : bytes.count > letters + 2 && bytes[letters] == 0xE2 && bytes[letters + 1] == 0x80 && bytes[letters + 2] == 0x99 ? 3 : 0
        guard apostrophe > 0, bytes.count > letters + apostrophe else { return 0 }
        return letters + apostrophe
    }

    /// The prefix and ending to split off `bytes`, or (0, 0). The name between
    /// them is never empty: "l's" (prefix and ending overlap) stays whole.
    @inline(__always)
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> (prefix: Int, suffix: Int) {
        let prefix = prefixLength(bytes), suffix = suffixLength(bytes)
        guard prefix + suffix > 0, prefix + suffix < bytes.count else { return (0, 0) }
        return (prefix, suffix)
    }

    /// The token's pieces after splitting: prefix, name, ending (empty ranges dropped), as byte ranges.
    static func pieces(_ range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let (prefix, suffix) = cut(UnsafeBufferPointer(rebasing: text[range]))
        guard prefix + suffix > 0 else { return [range] }
        var result: [Range<Int>] = []
        if prefix > 0 { result.append(range.lowerBound ..< range.lowerBound + prefix) }
        result.append(range.lowerBound + prefix ..< range.upperBound - suffix)
        if suffix > 0 { result.append(range.upperBound - suffix ..< range.upperBound) }
        return result
    }

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
                let bytes = UnsafeBufferPointer(rebasing: text[range])
                if cut(bytes) != (0, 0) { splits.append(index) }
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
                    let (prefix, suffix) = cut(UnsafeBufferPointer(rebasing: text[Int(start) ..< Int(end)]))
                    let nameStart = start + Int32(prefix), nameEnd = end - Int32(suffix)
                    if nameStart > start { rebuilt.append(start: start, end: nameStart, kind: .punctuation) }
                    rebuilt.append(start: nameStart, end: nameEnd, kind: .word)
                    if nameEnd < end { rebuilt.append(start: nameEnd, end: end, kind: .punctuation) }
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
