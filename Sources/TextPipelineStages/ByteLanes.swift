/// Word-at-a-time tests on eight bytes held in a `UInt64` (byte `i` in bits `8i ..< 8i + 8`):
/// each returns a mask with the high bit of every byte lane that passes, and no other bit.
/// Shared by the hot loops that fold, classify or search text eight bytes at a time.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The lanes holding `byte`. Exact for every lane (no borrow crosses lanes).
    @inline(__always)
    static func equal(to byte: UInt8, in word: UInt64) -> UInt64 {
        let lows = ~highs
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & lows) &+ lows) | difference) & highs
    }

    /// The lanes holding a capital A–Z, when every byte of `word` is below 0x80 (adding at most
    /// 0x3F then never carries into the next lane); undefined otherwise.
    @inline(__always)
    static func capitals(inASCII word: UInt64) -> UInt64 {
        (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & highs
    }

    /// The lanes holding a small letter a–z, when every byte of `word` is below 0x80; undefined otherwise.
    @inline(__always)
    static func smalls(inASCII word: UInt64) -> UInt64 {
        (word &+ ones &* 0x1F) & ~(word &+ ones &* 0x05) & highs
    }

    /// `word` with A–Z lower-cased, as ``KeyNormalizer/foldASCII(_:)`` folds each byte, when every
    /// byte is below 0x80; undefined otherwise.
    @inline(__always)
    static func lowercased(ascii word: UInt64) -> UInt64 {
        word | capitals(inASCII: word) >> 2
    }
}
