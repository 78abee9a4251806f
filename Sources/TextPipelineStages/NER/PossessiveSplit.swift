import TextPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let apostrophe =
            bytes.count > letters && bytes[letters] == 0x27
            ? 1
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
    /// punctuation-kind ending) and moves sentence and entity ranges to match.
    /// Leaves the document untouched when no token has the ending.
    ///
    /// Every token that splits holds an apostrophe (`'`, or `’`: E2 80 99), so the text is
    /// searched for the bytes 27 and E2 with `memchr`, and only the tokens around an apostrophe
    /// are examined; news text has about one per hundred tokens.
    /// - Complexity: O(text length + tokens); the runs between split tokens are copied in bulk.
    /// Allocates nothing once `scratch` has grown: the new columns reuse those the last split replaced.
    static func apply(to document: inout Document, scratch: inout Scratch) {
        let tokens = document.tokens
        scratch.splits.removeAll(keepingCapacity: true)
        var splits = scratch.splits
        scratch.splits = []
        defer { scratch.splits = splits }
        document.utf8.withUnsafeBufferPointer { text in
            tokens.kinds.withUnsafeBufferPointer { kinds in
                tokens.starts.withUnsafeBufferPointer { starts in
                    tokens.ends.withUnsafeBufferPointer { ends in
                        var index = 0
                        forEachApostropheByte(in: text) { position in
                            // 0xE2 also starts dashes and quotes: only `’` (E2 80 99) is an apostrophe.
                            guard
                                text[position] == 0x27
                                    || position + 2 < text.count && text[position + 1] == 0x80
                                        && text[position + 2] == 0x99
                            else { return }
                            index = tokens.firstToken(endingAfter: Int32(position), from: index)
                            guard index < ends.count, Int(starts[index]) <= position, kinds[index] == .word,
                                ends[index] - starts[index] >= 3, splits.last?.index != index
                            else { return }
                            let (prefix, suffix) = cut(UnsafeBufferPointer(rebasing: text[Int(starts[index]) ..< Int(ends[index])]))
                            if prefix + suffix > 0 { splits.append((index, Int32(prefix), Int32(suffix))) }
                        }
                    }
                }
            }
        }
        guard !splits.isEmpty else { return }
        let added = splits.reduce(0) { $0 + ($1.prefix > 0 ? 1 : 0) + ($1.suffix > 0 ? 1 : 0) }
        // The columns the last split replaced, emptied: their storage takes the new tokens.
        var starts: [Int32] = [], ends: [Int32] = [], kinds: [TokenKind] = []
        swap(&starts, &scratch.starts)
        swap(&ends, &scratch.ends)
        swap(&kinds, &scratch.kinds)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        starts.reserveCapacity(tokens.count + added)
        ends.reserveCapacity(tokens.count + added)
        kinds.reserveCapacity(tokens.count + added)
        var copied = 0
        for split in splits {
            starts.append(contentsOf: tokens.starts[copied ..< split.index])
            ends.append(contentsOf: tokens.ends[copied ..< split.index])
            kinds.append(contentsOf: tokens.kinds[copied ..< split.index])
            let start = tokens.starts[split.index], end = tokens.ends[split.index]
            let nameStart = start + split.prefix, nameEnd = end - split.suffix
            if split.prefix > 0 { starts.append(start); ends.append(nameStart); kinds.append(.punctuation) }
            starts.append(nameStart); ends.append(nameEnd); kinds.append(.word)
            if split.suffix > 0 { starts.append(nameEnd); ends.append(end); kinds.append(.punctuation) }
            copied = split.index + 1
        }
        starts.append(contentsOf: tokens.starts[copied...])
        ends.append(contentsOf: tokens.ends[copied...])
        kinds.append(contentsOf: tokens.kinds[copied...])
        document.tokens = TokenLayer(starts: starts, ends: ends, kinds: kinds)
        // The replaced columns (the tokenizer builds them per document) serve the next split.
        scratch.starts = tokens.starts
        scratch.ends = tokens.ends
        scratch.kinds = tokens.kinds
        let shift = IndexShift(splits)
        remapSentences(&document.sentences, shift)
        remapEntities(&document.entities, shift)
    }

    /// The buffers a worker keeps across documents for ``apply(to:scratch:)``.
    struct Scratch {
        /// The tokens to split: index, prefix length, ending length.
        fileprivate var splits: [(index: Int, prefix: Int32, suffix: Int32)] = []
        /// The token columns the last split replaced, kept for their storage: the next split
        /// fills them, so a worker allocates new columns only when a document outgrows them.
        fileprivate var starts: [Int32] = []
        fileprivate var ends: [Int32] = []
        fileprivate var kinds: [TokenKind] = []
    }

    /// Calls `body` with the offset of every byte 0x27 (`'`) or 0xE2 (the first byte of `’`, and
    /// of other punctuation of U+2000…U+2FFF) in `text`, in ascending order.
    ///
    /// Two `memchr` searches, one per byte, advance in turn: the C library scans many bytes per
    /// instruction, and news text holds about one such byte per thousand.
    @inline(__always)
    private static func forEachApostropheByte(in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var quote = next(0x27, in: base, from: 0, count), lead = next(0xE2, in: base, from: 0, count)
        while quote < count || lead < count {
            if quote < lead {
                body(quote)
                quote = next(0x27, in: base, from: quote + 1, count)
            } else {
                body(lead)
                lead = next(0xE2, in: base, from: lead + 1, count)
            }
        }
    }

    /// The offset of the first `byte` at or after `start` in the `count` bytes at `base`, or `count`.
    @inline(__always)
    private static func next(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, _ count: Int) -> Int {
        guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Old token index → new token index after tokens were split: a boundary moves by the
    /// pieces added before it. It walks from the previous query, so ascending queries cost O(1) amortised.
    private struct IndexShift {
        /// The split tokens, ascending (index, prefix and ending lengths).
        let splits: [(index: Int, prefix: Int32, suffix: Int32)]
        private var next = 0
        private var shift = 0

        init(_ splits: [(index: Int, prefix: Int32, suffix: Int32)]) { self.splits = splits }

        /// The tokens added where split `split` was cut: one per piece cut off.
        @inline(__always)
        private func added(_ split: Int) -> Int { (splits[split].prefix > 0 ? 1 : 0) + (splits[split].suffix > 0 ? 1 : 0) }

        /// The new index of the token boundary before old token `index`.
        mutating func boundary(_ index: Int) -> Int {
            while next < splits.count, splits[next].index < index {
                shift += added(next)
                next += 1
            }
            while next > 0, splits[next - 1].index >= index {
                next -= 1
                shift -= added(next)
            }
            return index + shift
        }
    }

    private static func remapEntities(_ entities: inout EntityLayer, _ shift: IndexShift) {
        guard !entities.isEmpty else { return }
        var shift = shift
        entities.moveTokenBoundaries { shift.boundary($0) }
    }

    /// Moves the sentence boundaries in place: no second layer is built and copied back.
    private static func remapSentences(_ sentences: inout SentenceLayer, _ shift: IndexShift) {
        guard !sentences.isEmpty else { return }
        var shift = shift
        sentences.moveTokenBoundaries { shift.boundary($0) }
    }
}
