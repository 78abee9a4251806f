import Glibc

/// Interns folded word forms of one document to dense integer ids.
///
/// Open addressing over a power-of-two slot array. ``reset()`` forgets every
/// term in time proportional to the number of terms, so one table serves a
/// worker for its whole life without allocating per token.
struct TermTable {
    private var slots = SlotArray()
    let hashes = Column<UInt64>()
    /// Start of each term's key in ``keyBytes``; one extra entry marks the end.
    private let keyStarts = Column<Int32>()
    let keyBytes = Column<UInt8>()

    init() { keyStarts.append(0) }

    /// The number of distinct terms since the last reset.
    var count: Int { hashes.count }

    /// Forgets every term.
    mutating func reset() {
        slots.reset()
        hashes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyStarts.append(0)
        keyBytes.removeAll(keepingCapacity: true)
    }

    /// The folded bytes of term `id`.
    func key(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: keyBytes.base + Int(keyStarts[Int(id)]), count: Int(keyStarts[Int(id) + 1] - keyStarts[Int(id)]))
    }

    @inline(__always)
    private func matches(_ id: Int32, _ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let start = Int(keyStarts[Int(id)])
        guard Int(keyStarts[Int(id) + 1]) - start == length else { return false }
        let stored = keyBytes.base + start
        if length <= 8 {
            // Both sides are readable 8 bytes on (``FoldBuffer`` or the scratch room after ``keyBytes``).
            let mask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(8 * length)) &- 1
            let a = UnsafeRawPointer(stored).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)
            return (a ^ b) & mask == 0
        }
        if length <= 16 {
            for offset in 0 ..< length where stored[offset] != key[offset] { return false }
            return true
        }
        return memcmp(stored, key, length) == 0
    }

    /// Where the next form is folded before ``intern(length:hash:)``: room for `count + 8`
    /// bytes right after the last key. A later call may move it.
    @inline(__always)
    func scratch(reserving count: Int) -> UnsafeMutablePointer<UInt8> { keyBytes.tail(reserving: count + 8) }

    /// The id of the folded form written at ``scratch(reserving:)`` (`length` bytes, hash
    /// `hash`), adding it when new: the written bytes then become its key, without a copy.
    /// The bytes after it stay readable (the rest of the scratch room), for the chunk compare in `matches`.
    @inline(__always)
    mutating func intern(length: Int, hash: UInt64) -> (id: Int32, isNew: Bool) {
        if slots.isFull(entries: hashes.count) { slots.grow(entries: hashes.count) { Int(truncatingIfNeeded: hashes[$0]) } }
        let key = UnsafePointer(keyBytes.base + keyBytes.count)
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, matches(id, key, length) { return (id, false) }
            slot = (slot &+ 1) & mask
        }
        let id = Int32(truncatingIfNeeded: hashes.count)
        slots.occupy(slot, with: hashes.count)
        hashes.append(hash)
        keyBytes.commitTail(length)
        keyStarts.append(Int32(truncatingIfNeeded: keyBytes.count))
        return (id, true)
    }

    /// The id of `key[0 ..< length]`, or nil when the document does not contain it.
    func lookup(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Int32? {
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, matches(id, key, length) { return id }
            slot = (slot &+ 1) & mask
        }
    }
}
