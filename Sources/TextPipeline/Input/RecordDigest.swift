/// A 64-bit digest of input records, to prove at `--resume` that the input
/// prefix an output was made from has not changed.
///
/// Not cryptographic: it catches edits, not an adversary. One pass of 8-byte
/// words with multiply-rotate mixing; stable across runs and machines.
public enum RecordDigest {
    /// The digest of an empty prefix.
    public static let empty: UInt64 = 0x243F_6A88_85A3_08D3

    /// Adds one record's digest to the digest of the records before it (order matters).
    @inlinable
    public static func combine(_ prefix: UInt64, _ record: UInt64) -> UInt64 {
        avalanche((prefix ^ record) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019)
    }

    /// The digest of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 0x1319_8A2E_0370_7344 ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                hash = rotate(hash ^ (word &* 0xC2B2_AE3D_27D4_EB4F), 31) &* 0x9E37_79B9_7F4A_7C15
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift += 8
                offset += 1
            }
            hash = rotate(hash ^ (tail &* 0xC2B2_AE3D_27D4_EB4F), 31) &* 0x9E37_79B9_7F4A_7C15
        }
        return avalanche(hash)
    }

    /// The digest of one record's bytes.
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// The digest of one record's bytes, a slice of a larger buffer.
    public static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    @usableFromInline
    static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }
}

extension RawRecord {
    /// The digest of what the reader read for this record: a JSON line's bytes, a
    /// text file's text, or (for a record the reader replaced) its id and error.
    public var digest: UInt64 {
        switch self {
        case .jsonLine(let bytes, _, _):
            return RecordDigest.of(bytes)
        case .parsed(.article(let article)):
            return RecordDigest.combine(RecordDigest.of(article.text), RecordDigest.of(Array((article.title ?? "").utf8)))
        case .parsed(.failure(let id, let error, _, _)):
            return RecordDigest.of(Array("\(id) \(error.kind) \(error.message)".utf8))
        }
    }
}
