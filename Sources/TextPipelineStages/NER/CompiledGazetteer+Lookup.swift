import CPrefetch
import TextPipeline

/// The hot-path reads of a compiled gazetteer. Every reference read from the
/// file is checked before it is followed; a bad one reads as "absent".
extension CompiledGazetteer {
    /// What the vocabulary holds for one token: its id, the root's child along it and the
    /// signature of that child's children (``GazetteerFormat/Section/vocabularyBuckets``).
    struct TokenEntry {
        /// The vocabulary id, or −1 when the token is in no entry.
        var id: Int32
        /// The root's child along the token with its flags, or 0 (also for a reference out of bounds).
        var rootChild: UInt32
        /// The OR of ``GazetteerFormat/childSignature(token:)`` over the tokens that may follow ``rootChild``.
        var childSignature: UInt64

        static let absent = TokenEntry(id: -1, rootChild: 0, childSignature: 0)
    }

    /// The vocabulary's entry for a folded token key. Callers that look many tokens up skip those
    /// that ``mayHoldKey(hash:)`` rejects, whose buckets need not be read.
    /// - Parameters:
    ///   - hash: ``keyHash(_:)`` of the key.
    ///   - prefix: ``VocabularyKey/prefix(of:)`` of the key.
    ///   - middle: ``VocabularyKey/middle(of:)`` of the key.
    /// - Complexity: O(1) expected; probes end at an empty bucket or after a full cycle.
    @inline(__always)
    func lookUp(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, prefix: UInt64, middle: UInt32) -> TokenEntry {
        probe(hash: hash, length: key.count, prefix: prefix, middle: middle) { id in
            keyTail(id, length: key.count) { memcmp($0.baseAddress!, key.baseAddress! + 8, key.count - 8) == 0 }
        }
    }

    /// ``lookUp(_:hash:prefix:)`` for ASCII token bytes not yet lower-cased (hash and prefix
    /// of the lower-cased bytes): compares them folded, without a copy.
    @inline(__always)
    func lookUp(ascii token: UnsafeBufferPointer<UInt8>, hash: UInt64, prefix: UInt64, middle: UInt32) -> TokenEntry {
        probe(hash: hash, length: token.count, prefix: prefix, middle: middle) { id in
            keyTail(id, length: token.count) { tail in
                for index in 0 ..< tail.count {
                    if tail[index] != KeyNormalizer.foldASCII(token[8 + index]) { return false }
                }
                return true
            }
        }
    }

    /// Hints that the vocabulary bucket where a lookup of `hash` starts will be read soon.
    @inline(__always)
    func prefetchBucket(hash: UInt64) {
        tp_prefetch(vocabularyBuckets.baseAddress! + (Int(truncatingIfNeeded: hash) & bucketMask) &<< 2)
    }

    /// False when no vocabulary key has ``keyHash(_:)`` `hash`: a bit of the vocabulary filter
    /// (``GazetteerFormat/Section/vocabularyFilter``, small enough to stay cached) is clear.
    /// True for every key in the vocabulary, and for a few percent of the others.
    @inline(__always)
    func mayHoldKey(hash: UInt64) -> Bool {
        let bits = GazetteerFormat.vocabularyFilterBits(hash: hash)
        return vocabularyFilter[GazetteerFormat.vocabularyFilterWord(hash: hash, mask: vocabularyFilterMask)] & bits == bits
    }

    /// Hints that the vocabulary-filter word that ``mayHoldKey(hash:)`` reads for `keyHash` will be read soon.
    @inline(__always)
    func prefetchFilter(keyHash: UInt64) {
        tp_prefetch(vocabularyFilter.baseAddress! + GazetteerFormat.vocabularyFilterWord(hash: keyHash, mask: vocabularyFilterMask))
    }

    /// Linear probing of the vocabulary's hash table: the first bucket whose head word matches
    /// hash and length, whose stored bytes equal `prefix` and `middle` and, for a key longer than
    /// ``VocabularyKey/bucketBytes``, whose remaining bytes `tail` accepts; or ``TokenEntry/absent``.
    @inline(__always)
    private func probe(hash: UInt64, length: Int, prefix: UInt64, middle: UInt32, tail: (Int) -> Bool) -> TokenEntry {
        let signature = VocabularyKey.signature(hash: hash, length: length)
        let buckets = vocabularyBuckets.baseAddress!
        var slot = Int(truncatingIfNeeded: hash) & bucketMask
        // Wrapping arithmetic: slot never exceeds bucketMask, so slot * 4 + 3 stays inside the section.
        for _ in 0 ... bucketMask {
            let bucket = buckets + (slot &<< 2)
            let head = bucket[0]
            if head == 0 { return .absent }
            let third = bucket[2]
            if head & ~0xFFFF_FFFF == signature, bucket[1] == prefix, UInt32(truncatingIfNeeded: third >> 32) == middle {
                let id = Int(truncatingIfNeeded: head & 0xFFFF_FFFF) &- 1
                // A stored id of 0 (id −1 here) is corruption: it must not index the spans.
                if id >= 0, id < vocabularyCount, length <= VocabularyKey.bucketBytes || tail(id) {
                    let child = UInt32(truncatingIfNeeded: third)
                    return TokenEntry(
                        id: Int32(truncatingIfNeeded: id), rootChild: Int(child & GazetteerFormat.nodeMask) < nodeCount ? child : 0,
                        childSignature: bucket[3])
                }
            }
            slot = (slot &+ 1) & bucketMask
        }
        return .absent
    }

    /// Calls `compare` with the bytes after the eighth of vocabulary key `id`, when the key has
    /// `length` bytes and lies inside its pool; false otherwise.
    @inline(__always)
    private func keyTail(_ id: Int, length: Int, _ compare: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        let offset = Int(vocabularySpans[id * 2]), count = Int(vocabularySpans[id * 2 + 1])
        guard count == length, count > 8, offset <= vocabularyPool.count - count else { return false }
        return compare(UnsafeBufferPointer(rebasing: vocabularyPool[offset + 8 ..< offset + count]))
    }

    /// 1 when `token` (a valid vocabulary id) occurs after the first token of some entry, else 0
    /// (without a branch).
    @inline(__always)
    func continuationBit(token: Int) -> Int {
        Int(truncatingIfNeeded: continuations[token >> 6] >> UInt64(token & 63) & 1)
    }

    /// The child of `node` along token `token` with its flags, or 0 (the root is never a child);
    /// `hash` is the edge's ``GazetteerFormat/edgeHash(parent:token:)``.
    @inline(__always)
    func child(of node: UInt32, token: UInt32, hash: UInt64) -> UInt32 {
        var slot = GazetteerFormat.edgeSlot(hash: hash, mask: edgeMask)
        for _ in 0 ... edgeMask {
            let child = edges[slot * 3 + 2]
            if child == 0 { return 0 }
            if edges[slot * 3] == node, edges[slot * 3 + 1] == token {
                return Int(child & GazetteerFormat.nodeMask) < nodeCount ? child : 0
            }
            slot = (slot + 1) & edgeMask
        }
        return 0
    }

    /// Hints that the edge-table slot where the search for the edge of `hash` starts will be read soon.
    @inline(__always)
    func prefetchEdge(hash: UInt64) {
        tp_prefetch(edges.baseAddress! + GazetteerFormat.edgeSlot(hash: hash, mask: edgeMask) * 3)
    }

    /// False when `node` certainly has no child along `token` (the edge filter's bit is clear).
    @inline(__always)
    func mayHaveChild(of node: UInt32, token: UInt32) -> Bool {
        filterBit(hash: GazetteerFormat.edgeHash(parent: node, token: token)) != 0
    }

    /// ``mayHaveChild(of:token:)`` as 1 or 0, without a branch, for the edge of
    /// ``GazetteerFormat/edgeHash(parent:token:)`` `hash`.
    @inline(__always)
    func filterBit(hash: UInt64) -> Int {
        let bit = GazetteerFormat.edgeFilterBit(hash: hash, mask: edgeFilterMask)
        return Int(truncatingIfNeeded: edgeFilter[bit >> 6] >> UInt64(bit & 63) & 1)
    }

    /// Hints that the edge-filter word that ``filterBit(hash:)`` reads will be read soon.
    @inline(__always)
    func prefetchFilter(hash: UInt64) {
        tp_prefetch(edgeFilter.baseAddress! + GazetteerFormat.edgeFilterBit(hash: hash, mask: edgeFilterMask) >> 6)
    }

    /// The outputs reached at `node` (pair numbers in ``outputs``), best first (empty when none or out of bounds).
    @inline(__always)
    func outputRange(of node: UInt32) -> Range<Int> {
        let start = Int(outputStarts[Int(node)]), end = Int(outputStarts[Int(node) + 1])
        guard start < end, end <= outputs.count / 2 else { return 0 ..< 0 }
        return start ..< end
    }

    /// Hints that the output range of `node` will be read soon.
    @inline(__always)
    func prefetchOutputRange(of node: UInt32) {
        if Int(node) < nodeCount { tp_prefetch(outputStarts.baseAddress! + Int(node)) }
    }

    /// Hints that the first output of `node` will be read soon (reads its output range).
    @inline(__always)
    func prefetchFirstOutput(of node: UInt32) {
        let start = outputRange(of: node).lowerBound
        tp_prefetch(outputs.baseAddress! + start * 2)
    }

    /// Hints that entry `index`'s record will be read soon.
    @inline(__always)
    func prefetchEntry(_ index: Int) {
        if index >= 0, index < entryCount { tp_prefetch(entries.baseAddress! + index * 4) }
    }

    /// Output `index`: its entry number and the entry's word 3.
    @inline(__always)
    func output(_ index: Int) -> (entry: Int, word: UInt32) {
        (Int(outputs[index * 2]), outputs[index * 2 + 1])
    }

    /// Entry `index` (an index read from ``outputs``), or nil when out of range.
    @inline(__always)
    func entry(_ index: Int) -> EntryRecord? {
        guard index < entryCount else { return nil }
        let word = index * 4
        return EntryRecord(words: entries[word], entries[word + 1], entries[word + 2], entries[word + 3])
    }

    /// The stored token forms of an entry (NFC, separated by 0x1F), or nil when out of bounds.
    @inline(__always)
    func forms(of record: EntryRecord) -> UnsafeBufferPointer<UInt8>? {
        slice(strings, Int(record.formsOffset), Int(record.formsLength))
    }

    /// Where entry `index`'s canonical id lies in ``identifiers`` (``canonicalIDStore``), or nil
    /// when the entry or the id is out of bounds or the id is not valid UTF-8 (a corrupted file:
    /// output never carries bytes it cannot prove are text).
    @inline(__always)
    func canonicalIDLocation(ofEntry index: Int) -> (offset: Int, length: Int)? {
        guard index >= 0, index < entryCount else { return nil }
        let words = index * 4
        let offset = Int(entries[words + 1]), length = Int(entries[words + 2] >> 16)
        guard let id = slice(identifiers, offset, length), UTF8Validation.firstInvalidOffset(id) == nil else { return nil }
        return (offset, length)
    }

    /// The canonical ids section as a store that entity layers read ids from in place; it keeps
    /// this gazetteer (and so its mapping) alive.
    var canonicalIDStore: CanonicalIDStore { CanonicalIDStore(bytes: identifiers, owner: self) }

    @inline(__always)
    private func slice(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard offset <= buffer.count, count <= buffer.count - offset else { return nil }
        return UnsafeBufferPointer(rebasing: buffer[offset ..< offset + count])
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
