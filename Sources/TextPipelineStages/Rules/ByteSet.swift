import TextPipeline

/// A set of byte strings that answers membership for a buffer without
/// allocating: an open-addressing table of FNV-1a hashes over one blob.
///
/// Built once when rules load, then shared read-only by every worker.
struct ByteSet: Sendable {
    private var blob: [UInt8] = []
    /// `(hash, start, length)` per slot; `length == -1` marks an empty slot.
    private var slots: [(hash: UInt64, start: Int32, length: Int32)]
    private var mask: Int
    private(set) var count = 0

    /// Creates a set of the UTF-8 bytes of `words`.
    init(_ words: some Sequence<String>) {
        let list = Array(words)
        var capacity = 8
        while capacity < list.count * 2 { capacity *= 2 }
        slots = Array(repeating: (0, 0, -1), count: capacity)
        mask = capacity - 1
        for word in list { insert(Array(word.utf8)) }
    }

    private mutating func insert(_ bytes: [UInt8]) {
        let found = bytes.withUnsafeBufferPointer { contains($0) }
        if found { return }
        let hash = Self.hash(bytes.withUnsafeBufferPointer { $0 })
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].length >= 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash, Int32(blob.count), Int32(bytes.count))
        blob.append(contentsOf: bytes)
        count += 1
    }

    /// Whether `bytes` is one of the words.
    /// - Complexity: O(bytes.count) expected; no allocation.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(bytes, hash: Self.hash(bytes))
    }

    /// Whether `bytes`, whose ``hash(_:)`` is `hash`, is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].length >= 0 {
            let entry = slots[slot]
            if entry.hash == hash, Int(entry.length) == bytes.count, equalsBlob(at: Int(entry.start), bytes) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    private func equalsBlob(at start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0 ..< bytes.count where blob[start + index] != bytes[index] { return false }
        return true
    }

    /// FNV-1a 64 of `bytes`: compute it once per token and probe several sets with it.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { fnv1a64Value(bytes) }
}
