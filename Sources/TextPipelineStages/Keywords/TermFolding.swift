/// Folding and hashing of word forms, shared by every keyword stage and by
/// `textpipe df build`.
///
/// A form is folded by lower-casing ASCII and Latin-1 capitals (U+00C0–U+00DE
/// except U+00D7) and turning U+2018/U+2019 into `'`; a final possessive `'s`
/// is dropped. The hash (``hash(_:count:)``) mixes the folded bytes eight at a
/// time. Both are part of the document-frequency file format: changing them
/// changes the format version.
public enum TermFolding {
    /// FNV-1a 64 offset basis, also the seed of the term hash.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// What folding learnt about a word's letters, for ``WordShape``.
    struct Letters {
        /// Whether the form has an ASCII capital.
        var hasUpper = false
        /// Whether the form has an ASCII small letter.
        var hasLower = false
        var firstIsUpper = false
        /// Whether every byte of the form is an ASCII letter (then its class is known without
        /// ``FormClass``). Only the chunked fold sets it; false means "not known".
        var allLetters = false
    }

    /// The term hash of `count` folded bytes at `bytes`: each little-endian
    /// 8-byte chunk (the last one zero-padded) is xored in and multiplied by
    /// 0x9E3779B97F4A7C15, then the length is mixed in.
    public static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var padded = [UInt8](repeating: 0, count: count + 8)
        padded.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: bytes, count: count) }
        return padded.withUnsafeBufferPointer { hashPadded($0.baseAddress!, count: count) }
    }

    /// Folds `bytes` into `folded`, which must hold at least `bytes.count + 8` bytes.
    /// - Returns: the hash of the folded form, its length in `folded`, and how many
    ///   bytes of `bytes` the form covers (less than `bytes.count` when a
    ///   possessive `'s` was dropped).
    @inline(__always)
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutablePointer<UInt8>) -> (hash: UInt64, count: Int, surfaceCount: Int) {
        var letters = Letters()
        return fold(bytes, into: folded, letters: &letters)
    }

    /// ``hash(_:count:)`` for a buffer readable for at least `count + 8` bytes
    /// (``FoldBuffer`` guarantees it): whole chunks are loaded at once.
    @inline(__always)
    static func hashPadded(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var hash = hashSeed
        var offset = 0
        let raw = UnsafeRawPointer(bytes)
        while offset < count {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = mix(hash, chunk, take: count - offset)
            offset &+= 8
        }
        return finish(hash, count: count)
    }

    /// Mixes the first `take` bytes (all of them from 8 on) of `chunk` into `hash`.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ chunk: UInt64, take: Int) -> UInt64 {
        mixWhole(hash, take < 8 ? chunk & ((1 &<< UInt64(8 &* take)) &- 1) : chunk)
    }

    /// ``mix(_:_:take:)`` of a chunk whose bytes past the form are already zero.
    @inline(__always)
    private static func mixWhole(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
        let mixed = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    /// Mixes the length of a form of `count` bytes into its chunk hash.
    @inline(__always)
    private static func finish(_ hash: UInt64, count: Int) -> UInt64 {
        let mixed = (hash ^ UInt64(count)) &* prime
        return mixed ^ (mixed >> 29)
    }

    /// ``fold(_:into:)``, also noting ASCII capitals and small letters in `letters`.
    @inline(__always)
    static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutablePointer<UInt8>,
        letters: inout Letters
    ) -> (hash: UInt64, count: Int, surfaceCount: Int) {
        var index = 0
        var length = 0
        let count = bytes.count
        letters.firstIsUpper = count > 0 && bytes[0] &- 0x41 < 26
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x41 < 26 {
                    folded[length] = byte | 0x20
                    letters.hasUpper = true
                } else {
                    if byte &- 0x61 < 26 { letters.hasLower = true }
                    folded[length] = byte
                }
                index &+= 1
            } else if byte == 0xC3, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E, bytes[index + 1] != 0x97 {
                folded[length] = 0xC3
                length &+= 1
                folded[length] = bytes[index + 1] + 0x20
                index &+= 2
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99 {
                folded[length] = 0x27
                index &+= 3
            } else {
                folded[length] = byte
                index &+= 1
            }
            length &+= 1
        }
        var surfaceCount = count
        if length > 2, folded[length - 1] == 0x73, folded[length - 2] == 0x27 {
            length -= 2
            surfaceCount -= bytes[count - 2] == 0x27 ? 2 : 4
        }
        return (hashPadded(folded, count: length), length, surfaceCount)
    }

    /// ``fold(_:into:letters:)`` for a form whose bytes may be read in whole
    /// 8-byte chunks (`bytes.baseAddress` is readable for `bytes.count` rounded up
    /// to a multiple of 8): an all-ASCII form is folded, counted and hashed a chunk
    /// at a time in one pass; any other form goes through the byte loop. Same results.
    @inline(__always)
    static func fold(
        readingChunks bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutablePointer<UInt8>,
        letters: inout Letters
    ) -> (hash: UInt64, count: Int, surfaceCount: Int) {
        let count = bytes.count
        // A final ASCII possessive (`'s`, `'S`) is left out of the form, as the byte loop drops `'s` after folding.
        let length = count > 2 && bytes[count - 2] == 0x27 && bytes[count - 1] | 0x20 == 0x73 ? count - 2 : count
        if (1 ... 8).contains(count),
            let hash = foldOneChunk(UnsafeRawPointer(bytes.baseAddress!), count: count, hashing: length, into: folded, letters: &letters)
        {
            return (hash, length, length)
        }
        if (9 ... 16).contains(count),
            let hash = foldTwoChunks(UnsafeRawPointer(bytes.baseAddress!), count: count, hashing: length, into: folded, letters: &letters)
        {
            return (hash, length, length)
        }
        guard count > 0, let hash = foldASCII(UnsafeRawPointer(bytes.baseAddress!), count: count, hashing: length, into: folded, letters: &letters)
        else {
            letters = Letters()
            return fold(bytes, into: folded, letters: &letters)
        }
        return (hash, length, length)
    }

    /// ``foldASCII(_:count:hashing:into:letters:)`` for a form of 1 to 8 bytes (most words):
    /// one chunk, without the loop and its bookkeeping. Same results.
    @inline(__always)
    private static func foldOneChunk(
        _ source: UnsafeRawPointer, count: Int, hashing length: Int, into folded: UnsafeMutablePointer<UInt8>,
        letters: inout Letters
    ) -> UInt64? {
        // Bytes 0 ..< count of the chunk (`count` is 1 ... 8, so the shift is 0 ... 56).
        let kept = UInt64.max &>> UInt64(64 &- 8 &* count)
        let chunk = UInt64(littleEndian: source.loadUnaligned(as: UInt64.self)) & kept
        if chunk & ByteLanes.highs != 0 { return nil }
        let capitals = ByteLanes.capitals(inASCII: chunk)
        let smalls = ByteLanes.smalls(inASCII: chunk)
        let lowered = chunk | capitals >> 2
        UnsafeMutableRawPointer(folded).storeBytes(of: lowered.littleEndian, as: UInt64.self)
        letters.hasUpper = capitals != 0
        letters.hasLower = smalls != 0
        letters.allLetters = capitals | smalls == ByteLanes.highs & kept
        letters.firstIsUpper = UInt8(truncatingIfNeeded: chunk) &- 0x41 < 26
        // A dropped possessive leaves 1 ... 6 bytes to hash.
        let hashed = length == count ? lowered : lowered & (UInt64.max &>> UInt64(64 &- 8 &* length))
        return finish(mixWhole(hashSeed, hashed), count: length)
    }

    /// ``foldASCII(_:count:hashing:into:letters:)`` for a form of 9 to 16 bytes: two chunks,
    /// without the loop. Same results.
    @inline(__always)
    private static func foldTwoChunks(
        _ source: UnsafeRawPointer, count: Int, hashing length: Int, into folded: UnsafeMutablePointer<UInt8>,
        letters: inout Letters
    ) -> UInt64? {
        // Bytes 8 ..< count of the second chunk (`count - 8` is 1 ... 8, so the shift is 0 ... 56).
        let kept = UInt64.max &>> UInt64(64 &- 8 &* (count &- 8))
        let first = UInt64(littleEndian: source.loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & kept
        if (first | second) & ByteLanes.highs != 0 { return nil }
        let (capitals, smalls) = (ByteLanes.capitals(inASCII: first), ByteLanes.smalls(inASCII: first))
        let (capitals2, smalls2) = (ByteLanes.capitals(inASCII: second), ByteLanes.smalls(inASCII: second))
        let lowered = first | capitals >> 2
        let lowered2 = second | capitals2 >> 2
        let target = UnsafeMutableRawPointer(folded)
        target.storeBytes(of: lowered.littleEndian, as: UInt64.self)
        target.storeBytes(of: lowered2.littleEndian, toByteOffset: 8, as: UInt64.self)
        letters.hasUpper = capitals | capitals2 != 0
        letters.hasLower = smalls | smalls2 != 0
        letters.allLetters = capitals | smalls == ByteLanes.highs && capitals2 | smalls2 == ByteLanes.highs & kept
        letters.firstIsUpper = UInt8(truncatingIfNeeded: first) &- 0x41 < 26
        // A dropped possessive leaves 7 ... 14 bytes to hash: the second chunk cut, or left out.
        let hash: UInt64
        if length == count {
            hash = mixWhole(mixWhole(hashSeed, lowered), lowered2)
        } else if length > 8 {
            hash = mixWhole(mixWhole(hashSeed, lowered), lowered2 & (UInt64.max &>> UInt64(64 &- 8 &* (length &- 8))))
        } else {
            hash = mix(hashSeed, lowered, take: length)
        }
        return finish(hash, count: length)
    }

    /// Lower-cases `count` ASCII bytes 8 at a time into `folded` (which takes whole
    /// chunks: `count + 8` bytes), noting capitals and small letters, and hashes the
    /// first `length` folded bytes as ``hashPadded(_:count:)`` does. Returns nil, with
    /// `folded` and `letters` unspecified, when a byte is not ASCII.
    @inline(__always)
    private static func foldASCII(
        _ source: UnsafeRawPointer, count: Int, hashing length: Int, into folded: UnsafeMutablePointer<UInt8>,
        letters: inout Letters
    ) -> UInt64? {
        let target = UnsafeMutableRawPointer(folded)
        var capitalBits: UInt64 = 0
        var smallBits: UInt64 = 0
        var allLetters = true
        var hash = hashSeed
        var offset = 0
        while offset < count {
            let take = count &- offset
            let kept: UInt64 = take < 8 ? (1 &<< UInt64(8 &* take)) &- 1 : ~0
            let chunk = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) & kept
            if chunk & ByteLanes.highs != 0 { return nil }
            // Every byte is below 0x80, so adding at most 0x3F never carries into the next byte.
            let capitals = ByteLanes.capitals(inASCII: chunk)  // 0x41 ... 0x5A
            let smalls = ByteLanes.smalls(inASCII: chunk)  // 0x61 ... 0x7A
            capitalBits |= capitals
            smallBits |= smalls
            allLetters = allLetters && capitals | smalls == ByteLanes.highs & kept
            let lowered = chunk | capitals >> 2
            target.storeBytes(of: lowered.littleEndian, toByteOffset: offset, as: UInt64.self)
            // Without a dropped possessive, `lowered` is already cut to the form: no second mask.
            if length == count {
                hash = mixWhole(hash, lowered)
            } else if offset < length {
                hash = mix(hash, lowered, take: length - offset)
            }
            offset &+= 8
        }
        letters.hasUpper = capitalBits != 0
        letters.hasLower = smallBits != 0
        // A dropped possessive's apostrophe is no letter: `allLetters` then speaks of the form too.
        letters.allLetters = allLetters
        letters.firstIsUpper = source.load(as: UInt8.self) &- 0x41 < 26
        return finish(hash, count: length)
    }

    /// Folds `bytes` into the array `folded` (replacing its contents) and returns the hash.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, toArray folded: inout [UInt8]) -> UInt64 {
        folded.removeAll(keepingCapacity: true)
        folded.append(contentsOf: repeatElement(0, count: bytes.count + 8))
        let (hash, length, _) = folded.withUnsafeMutableBufferPointer { fold(bytes, into: $0.baseAddress!) }
        folded.removeLast(folded.count - length)
        return hash
    }

    /// The hash of a word given as a string (folded first), for word lists.
    public static func hash(of word: String) -> UInt64 {
        var folded: [UInt8] = []
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { fold($0, toArray: &folded) }
    }
}

/// A growable scratch buffer for folded forms, owned by one worker.
final class FoldBuffer {
    @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
    }

    deinit { pointer.deallocate() }

    /// A pointer to at least `count + 8` bytes; earlier contents are lost when it grows.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count + 8 > capacity {
            pointer.deallocate()
            capacity = max(count + 8, capacity * 2)
            pointer = .allocate(capacity: capacity)
            pointer.initialize(repeating: 0, count: capacity)
        }
        return pointer
    }
}
