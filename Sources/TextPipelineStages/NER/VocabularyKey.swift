/// How a folded token key is stored in and compared with a vocabulary bucket
/// (``GazetteerFormat/Section/vocabularyBuckets``): a head word with hash tag,
/// length and id, and the key's first eight bytes.
enum VocabularyKey {
    /// The head word's bits that identify a key: hash tag and length (the id bits are zero).
    @inline(__always)
    static func signature(hash: UInt64, length: Int) -> UInt64 {
        (hash >> 40) << 40 | UInt64(min(length, 255)) << 32
    }

    /// A bucket's head word for vocabulary id `id`.
    static func head(hash: UInt64, length: Int, id: Int) -> UInt64 {
        signature(hash: hash, length: length) | UInt64(id + 1)
    }

    /// The first eight bytes of `key`, little-endian, zero-padded: the bucket's second word.
    @inline(__always)
    static func prefix(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0 ..< min(key.count, 8) { prefix |= UInt64(key[index]) << UInt64(index * 8) }
        return prefix
    }
}
