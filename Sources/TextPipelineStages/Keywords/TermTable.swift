import Glibc

/// Interns folded word forms of one document to dense integer ids.
///
/// Open addressing over a power-of-two slot array. ``reset()`` forgets every
/// term in time proportional to the number of terms, so one table serves a
/// worker for its whole life without allocating per token.
struct TermTable {
    private var slots = Column<Int32>()
    private let usedSlots = Column<Int32>()
    let hashes = Column<UInt64>()
    /// Start of each term's key in ``keyBytes``; one extra entry marks the end.
    private let keyStarts = Column<Int32>()
    let keyBytes = Column<UInt8>()

    init() {
        slots.append(repeating: -1, count: 1024)
        keyStarts.append(0)
    }

    /// The number of distinct terms since the last reset.
    var count: Int { hashes.count }

    /// Forgets every term.
    mutating func reset() {
        for slot in usedSlots { slots[Int(slot)] = -1 }
        usedSlots.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyStarts.append(0)
        keyBytes.removeAll(keepingCapacity: true)
        if slots.count > 1 << 16 {
            slots = Column<Int32>()
            slots.append(repeating: -1, count: 1024)
        }
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
        if length <= 16 {
            for offset in 0 ..< length where stored[offset] != key[offset] { return false }
            return true
        }
        return memcmp(stored, key, length) == 0
    }

    /// The id of the folded form `key[0 ..< length]` with hash `hash`, adding it when new.
    @inline(__always)
    mutating func intern(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> (id: Int32, isNew: Bool) {
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, matches(id, key, length) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id
        usedSlots.append(Int32(slot))
        hashes.append(hash)
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: key, count: length))
        keyStarts.append(Int32(keyBytes.count))
        return (id, true)
    }

    /// The id of `key[0 ..< length]`, or nil when the document does not contain it.
    func lookup(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, matches(id, key, length) { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Column<Int32>(capacity: size)
        slots.append(repeating: -1, count: size)
        usedSlots.removeAll(keepingCapacity: true)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
            usedSlots.append(Int32(slot))
        }
    }
}
