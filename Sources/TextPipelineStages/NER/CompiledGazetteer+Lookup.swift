/// The hot-path reads of a compiled gazetteer. Every reference read from the
/// file is checked before it is followed; a bad one reads as "absent".
extension CompiledGazetteer {
    /// The vocabulary id of a folded token key, or −1.
    /// - Complexity: O(1) expected; probes end at an empty bucket or after a full cycle.
    @inline(__always)
    func tokenID(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        probe(hash: hash) { keyEquals($0, key) }
    }

    /// ``tokenID(of:hash:)`` for ASCII token bytes not yet lower-cased: compares them folded, without a copy.
    @inline(__always)
    func tokenID(ofASCII token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        probe(hash: hash) { foldedEquals($0, token) }
    }

    /// Linear probing of the vocabulary's hash table: the first id whose tag
    /// matches `hash` and that `equals` accepts, or −1.
    @inline(__always)
    private func probe(hash: UInt64, equals: (Int) -> Bool) -> Int32 {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & bucketMask
        for _ in 0 ... bucketMask {
            let bucket = vocabularyBuckets[slot]
            if bucket == 0 { return -1 }
            if bucket >> 32 == tag {
                let id = Int(bucket & 0xFFFF_FFFF) - 1
                if id < vocabularyCount, equals(id) { return Int32(id) }
            }
            slot = (slot + 1) & bucketMask
        }
        return -1
    }

    @inline(__always)
    private func foldedEquals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = Int(vocabularySpans[id * 2]), count = Int(vocabularySpans[id * 2 + 1])
        guard count == token.count, offset <= vocabularyPool.count - count else { return false }
        for index in 0 ..< count {
            let byte = token[index]
            if vocabularyPool[offset + index] != (byte &- 0x41 < 26 ? byte | 0x20 : byte) { return false }
        }
        return true
    }

    @inline(__always)
    private func keyEquals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = Int(vocabularySpans[id * 2]), count = Int(vocabularySpans[id * 2 + 1])
        guard count == key.count, offset <= vocabularyPool.count - count else { return false }
        return memcmp(vocabularyPool.baseAddress! + offset, key.baseAddress!, count) == 0
    }

    /// The root's child along `token` (a valid vocabulary id) with its flags, or 0.
    @inline(__always)
    func rootChild(token: Int) -> UInt32 {
        let child = rootChildren[token]
        return Int(child & GazetteerFormat.nodeMask) < nodeCount ? child : 0
    }

    /// Whether `token` (a valid vocabulary id) occurs after the first token of some entry.
    @inline(__always)
    func continues(token: Int) -> Bool {
        continuations[token >> 6] & (1 << UInt64(token & 63)) != 0
    }

    /// The child of `node` along token `token` with its flags, or 0 (the root is never a child).
    @inline(__always)
    func child(of node: UInt32, token: UInt32) -> UInt32 {
        var slot = GazetteerFormat.edgeSlot(parent: node, token: token, mask: edgeMask)
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

    /// The outputs reached at `node` (pair numbers in ``outputs``), best first (empty when none or out of bounds).
    @inline(__always)
    func outputRange(of node: UInt32) -> Range<Int> {
        let start = Int(outputStarts[Int(node)]), end = Int(outputStarts[Int(node) + 1])
        guard start < end, end <= outputs.count / 2 else { return 0 ..< 0 }
        return start ..< end
    }

    /// Output `index`: its entry number and the entry's word 3.
    @inline(__always)
    func output(_ index: Int) -> (entry: Int, word: UInt32) {
        (Int(outputs[index * 2]), outputs[index * 2 + 1])
    }

    /// Entry `index` (an index read from ``outputs``), or nil when out of range.
    func entry(_ index: Int) -> EntryRecord? {
        guard index < entryCount else { return nil }
        let word = index * 4
        return EntryRecord(words: entries[word], entries[word + 1], entries[word + 2], entries[word + 3])
    }

    /// The stored token forms of an entry (NFC, separated by 0x1F), or nil when out of bounds.
    func forms(of record: EntryRecord) -> UnsafeBufferPointer<UInt8>? {
        slice(strings, Int(record.formsOffset), Int(record.formsLength))
    }

    /// The canonical id of an entry ("" when out of bounds).
    func canonicalID(of record: EntryRecord) -> String {
        guard let bytes = slice(identifiers, Int(record.idOffset), Int(record.idLength)) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

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
