import CICU

/// Normalises token bytes into match keys without creating strings.
///
/// Keys are ICU full case folding followed by NFD with non-spacing marks
/// removed, so NFC and NFD spellings, case variants and accented variants
/// share one key. ASCII tokens take a fast path in Swift (lower-casing is
/// ICU's folding for ASCII); others go through `tp_fold` into a scratch buffer.
/// Not thread-safe: each worker owns one.
struct KeyNormalizer {
    /// The version of the folding rules in this file and in `tp_fold`. Bump it whenever a key
    /// they make could change: the gazetteer cache key includes it (``GazetteerKeyRecipe``).
    static let foldingVersion = 1

    /// What a form keeps.
    enum Form {
        /// NFC, nothing else: for `exact` matching.
        case nfc
        /// NFC and ICU case folding: for `insensitive` matching.
        case caseFolded
        /// Case folding, NFD, marks removed: the automaton's keys.
        case key
    }

    private(set) var scratch = [UInt8](repeating: 0, count: 256)

    /// Calls `body` with the normalised form of `bytes` (valid only inside `body`).
    mutating func withForm<R>(
        _ form: Form, of bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        if Self.isASCII(bytes) {
            if form == .nfc { return body(bytes) }
            let count = bytes.count
            if scratch.count < count { scratch = [UInt8](repeating: 0, count: count * 2) }
            return scratch.withUnsafeMutableBufferPointer { out in
                for index in 0 ..< count { out[index] = Self.foldASCII(bytes[index]) }
                return body(UnsafeBufferPointer(rebasing: out[0 ..< count]))
            }
        }
        let count = fold(bytes, form: form)
        return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0 ..< count])) }
    }

    /// The normalised form as a new array (build time and tests only).
    mutating func form(_ form: Form, of bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { withForm(form, of: $0) { Array($0) } }
    }

    /// Folds non-ASCII bytes into ``scratch`` with ICU; returns the length (0 on failure).
    private mutating func fold(_ bytes: UnsafeBufferPointer<UInt8>, form: Form) -> Int {
        let caseFold: Int32 = form == .nfc ? 0 : 1
        let strip: Int32 = form == .key ? 1 : 0
        while true {
            let capacity = scratch.count
            let needed = scratch.withUnsafeMutableBufferPointer { out in
                tp_fold(bytes.baseAddress, Int64(bytes.count), caseFold, strip, out.baseAddress, Int64(capacity))
            }
            if needed < 0 { return 0 }
            if Int(needed) <= capacity { return Int(needed) }
            scratch = [UInt8](repeating: 0, count: Int(needed) * 2)
        }
    }

    /// An ASCII byte as ICU case folding maps it: A–Z lower-cased, every other byte kept.
    @inline(__always)
    static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }
}

/// The hash of vocabulary keys in compiled files and of words in ``NERRules``: the bytes are
/// read as little-endian 64-bit words (the last one zero-padded), each mixed in with one
/// multiplication, then finished with MurmurHash3's 64-bit finaliser. A word at a time rather
/// than a byte at a time keeps the multiply chain short; the low bits pick a bucket, the high
/// bits are the bucket's tag. Stable: changing it needs a new gazetteer format version.
@inline(__always)
func keyHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = KeyHash.seed(count: bytes.count)
    var word: UInt64 = 0
    for index in 0 ..< bytes.count {
        word |= UInt64(bytes[index]) << UInt64((index & 7) * 8)
        if index & 7 == 7 {
            hash = KeyHash.mix(hash, word)
            word = 0
        }
    }
    if bytes.count & 7 != 0 { hash = KeyHash.mix(hash, word) }
    return KeyHash.finish(hash)
}

/// The steps of ``keyHash(_:)``, shared with the matcher's fused fold-and-hash of ASCII tokens.
enum KeyHash {
    @inline(__always)
    static func seed(count: Int) -> UInt64 { 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
