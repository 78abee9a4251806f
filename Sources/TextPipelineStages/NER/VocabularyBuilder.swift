import Foundation

/// Interns token keys at compile time: an open-addressing table over one byte pool.
struct VocabularyBuilder {
    private(set) var pool: [UInt8] = []
    /// Offset and length of each key, two words per id.
    private(set) var spans: [UInt32] = []
    private var buckets = [UInt64](repeating: 0, count: 1 << 16)

    var count: Int { spans.count / 2 }

    /// The id of `key`, adding it when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = keyHash(key)
        let mask = buckets.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        while buckets[slot] != 0 {
            let bucket = buckets[slot]
            if bucket >> 32 == tag, equals(Int(bucket & 0xFFFF_FFFF) - 1, key) { return UInt32(bucket & 0xFFFF_FFFF) - 1 }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        spans.append(UInt32(pool.count))
        spans.append(UInt32(key.count))
        pool.append(contentsOf: key)
        buckets[slot] = tag << 32 | UInt64(id + 1)
        if count * 2 > buckets.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = Int(spans[id * 2]), length = Int(spans[id * 2 + 1])
        guard length == key.count else { return false }
        return pool.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, key.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        buckets = Self.table(pool: pool, spans: spans, slots: buckets.count * 2)
    }

    /// The final bucket table (four words per bucket, see ``GazetteerFormat/Section/vocabularyBuckets``),
    /// at most half full, with each token's root child and that child's signature (per id).
    func finalBuckets(rootChildren: [UInt32], signatures: [UInt64]) -> [UInt64] {
        var slots = 16
        while slots < count * 2 { slots *= 2 }
        var table = [UInt64](repeating: 0, count: slots * 4)
        let mask = slots - 1
        pool.withUnsafeBufferPointer { bytes in
            for id in 0 ..< count {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(spans[id * 2]) ..< Int(spans[id * 2] + spans[id * 2 + 1])])
                let hash = keyHash(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot * 4] != 0 { slot = (slot + 1) & mask }
                table[slot * 4] = VocabularyKey.head(hash: hash, length: key.count, id: id)
                table[slot * 4 + 1] = VocabularyKey.prefix(of: key)
                table[slot * 4 + 2] = UInt64(rootChildren[id]) | UInt64(VocabularyKey.middle(of: key)) << 32
                table[slot * 4 + 3] = signatures[id]
            }
        }
        return table
    }

    /// The vocabulary filter (``GazetteerFormat/Section/vocabularyFilter``): a power-of-two number
    /// of words with 8 to 16 bits per key, so about one token in 25 that is in no entry passes it.
    func filter() -> [UInt64] {
        var words = 1
        while words * 64 < count * 8 { words *= 2 }
        var filter = [UInt64](repeating: 0, count: words)
        pool.withUnsafeBufferPointer { bytes in
            for id in 0 ..< count {
                let hash = keyHash(UnsafeBufferPointer(rebasing: bytes[Int(spans[id * 2]) ..< Int(spans[id * 2] + spans[id * 2 + 1])]))
                filter[GazetteerFormat.vocabularyFilterWord(hash: hash, mask: words - 1)] |= GazetteerFormat.vocabularyFilterBits(hash: hash)
            }
        }
        return filter
    }

    private static func table(pool: [UInt8], spans: [UInt32], slots: Int) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: slots)
        let mask = slots - 1
        pool.withUnsafeBufferPointer { bytes in
            for id in 0 ..< spans.count / 2 {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(spans[id * 2]) ..< Int(spans[id * 2] + spans[id * 2 + 1])])
                let hash = keyHash(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = (hash >> 32) << 32 | UInt64(id + 1)
            }
        }
        return table
    }
}
