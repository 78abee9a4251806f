/// ``GazetteerFormat/checksum(_:)`` of bytes that arrive in pieces: feeding the pieces in order
/// gives the same value as one call on their concatenation, without ever holding it whole.
struct ChecksumStream {
    private var hash: UInt64
    /// Bytes not yet absorbed (fewer than eight), little-endian in ``pending``.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// Starts a checksum of `totalCount` bytes (the count is part of the value).
    init(totalCount: Int) {
        hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(totalCount)
    }

    @inline(__always)
    private mutating func absorb(_ word: UInt64) {
        hash = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
        hash = (hash << 31) | (hash >> 33)
    }

    /// Adds the next bytes.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        if pendingCount > 0 {
            while pendingCount < 8, index < bytes.count {
                hold(bytes[index])
                index += 1
            }
            guard pendingCount == 8 else { return }
            absorb(pending)
            (pending, pendingCount) = (0, 0)
        }
        while index + 8 <= bytes.count {
            absorb(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        for byte in bytes[index...] { hold(byte) }
    }

    /// Keeps `byte` in ``pending`` until a word is full.
    @inline(__always)
    private mutating func hold(_ byte: UInt8) {
        pending |= UInt64(byte) << UInt64(pendingCount * 8)
        pendingCount += 1
    }

    /// The checksum, once every byte was fed: the last bytes that do not fill a word are mixed in one at a time.
    func finish() -> UInt64 {
        var hash = hash
        for index in 0 ..< pendingCount {
            hash = (hash ^ (pending >> UInt64(index * 8) & 0xFF)) &* 0xc4ce_b9fe_1a85_ec53
        }
        return hash ^ (hash >> 29)
    }
}
