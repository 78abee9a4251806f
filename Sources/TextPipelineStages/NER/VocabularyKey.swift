/// How a folded token key is stored in and compared with a vocabulary bucket
/// (``GazetteerFormat/Section/vocabularyBuckets``): a head word with hash tag,
/// length and id, the key's first eight bytes and its next four.
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

    /// Bytes 8 ..< 12 of `key`, little-endian, zero-padded: the high half of the bucket's third word.
    @inline(__always)
    static func middle(of key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var middle: UInt32 = 0
        for index in min(key.count, 8) ..< min(key.count, 12) { middle |= UInt32(key[index]) << UInt32((index - 8) * 8) }
        return middle
    }

    /// Keys up to this length are identified by the bucket alone (length, prefix and middle);
    /// longer keys compare their remaining bytes in the vocabulary pool.
    static let bucketBytes = 12
}
