/// The hot-loop copy of a ``StopWordList``: a bit filter, then an open-addressing
/// table of the non-zero hashes, both in buffers read through plain pointers (no
/// array calls or bounds checks in the interning loop). Immutable once built, so
/// lists that share it may cross threads.
final class StopWordLookup: @unchecked Sendable {
    /// One bit per value of bits 0 to 12 of a hash (bits 6–12 pick the word, 0–5 the bit), set
    /// for the stop words: a clear bit answers most other words from 1 KB, without probing ``slots``.
    private let filter: UnsafeMutablePointer<UInt64>
    private static let filterWords = 128
    /// Hashes by open addressing from bits 40 up; 0 marks an empty slot.
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int

    init(_ hashes: Set<UInt64>) {
        filter = .allocate(capacity: Self.filterWords)
        filter.initialize(repeating: 0, count: Self.filterWords)
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        for hash in hashes where hash != 0 {
            filter[Self.filterWord(hash)] |= Self.filterBit(hash)
            var slot = Int(truncatingIfNeeded: hash >> 40) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash
        }
    }

    deinit {
        filter.deallocate()
        slots.deallocate()
    }

    @inline(__always)
    private static func filterWord(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 6) & (filterWords - 1) }

    @inline(__always)
    private static func filterBit(_ hash: UInt64) -> UInt64 { 1 &<< (hash & 63) }

    /// Whether the non-zero `hash` is one of the list's.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        guard filter[Self.filterWord(hash)] & Self.filterBit(hash) != 0 else { return false }
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
