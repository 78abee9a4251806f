/// Folding and hashing of word forms, shared by every keyword stage and by
/// `textpipe df build`.
///
/// A form is folded by lower-casing ASCII and Latin-1 capitals (U+00C0–U+00DE
/// except U+00D7) and turning U+2018/U+2019 into `'`; a final possessive `'s`
/// is dropped. The hash is FNV-1a 64 over the folded bytes. Both are part of
/// the document-frequency file format: changing them changes the format
/// version.
public enum TermFolding {
    /// FNV-1a 64 offset basis.
    public static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// Folds `bytes` into `folded`, which must hold at least `bytes.count` bytes.
    /// - Returns: the hash of the folded form, its length in `folded`, and how many
    ///   bytes of `bytes` the form covers (less than `bytes.count` when a
    ///   possessive `'s` was dropped).
    @inline(__always)
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutablePointer<UInt8>) -> (hash: UInt64, count: Int, surfaceCount: Int) {
        var index = 0
        var length = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                folded[length] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                index += 1
            } else if byte == 0xC3, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E, bytes[index + 1] != 0x97 {
                folded[length] = 0xC3
                length += 1
                folded[length] = bytes[index + 1] + 0x20
                index += 2
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99 {
                folded[length] = 0x27
                index += 3
            } else {
                folded[length] = byte
                index += 1
            }
            length += 1
        }
        var surfaceCount = count
        if length > 2, folded[length - 1] == 0x73, folded[length - 2] == 0x27 {
            length -= 2
            surfaceCount -= bytes[count - 2] == 0x27 ? 2 : 4
        }
        var hash = hashSeed
        for offset in 0 ..< length { hash = (hash ^ UInt64(folded[offset])) &* prime }
        return (hash, length, surfaceCount)
    }

    /// Folds `bytes` into the array `folded` (replacing its contents) and returns the hash.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8]) -> UInt64 {
        folded.removeAll(keepingCapacity: true)
        folded.append(contentsOf: repeatElement(0, count: bytes.count))
        let (hash, length, _) = folded.withUnsafeMutableBufferPointer { fold(bytes, into: $0.baseAddress!) }
        folded.removeLast(folded.count - length)
        return hash
    }

    /// The hash of a word given as a string (folded first), for word lists.
    public static func hash(of word: String) -> UInt64 {
        var folded: [UInt8] = []
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { fold($0, into: &folded) }
    }
}

/// A growable scratch buffer for folded forms, owned by one worker.
final class FoldBuffer {
    @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// A pointer to at least `count` bytes; earlier contents are lost when it grows.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > capacity {
            pointer.deallocate()
            capacity = max(count, capacity * 2)
            pointer = .allocate(capacity: capacity)
        }
        return pointer
    }
}
