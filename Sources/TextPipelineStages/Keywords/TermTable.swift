/// Interns folded word forms of one document to dense integer ids.
///
/// Open addressing over a power-of-two slot array. ``reset()`` forgets every
/// term in time proportional to the number of terms, so one table serves a
/// worker for its whole life without allocating per token.
struct TermTable {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var usedSlots: [Int32] = []
    private(set) var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private(set) var keyBytes: [UInt8] = []

    /// The number of distinct terms since the last reset.
    var count: Int { hashes.count }

    /// Forgets every term.
    mutating func reset() {
        for slot in usedSlots { slots[Int(slot)] = -1 }
        usedSlots.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        if slots.count > 1 << 16 { slots = [Int32](repeating: -1, count: 1024) }
    }

    /// The folded bytes of term `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> {
        let start = Int(keyStarts[Int(id)])
        let end = Int(id) + 1 < keyStarts.count ? Int(keyStarts[Int(id) + 1]) : keyBytes.count
        return keyBytes[start ..< end]
    }

    /// The id of the folded form `key` with hash `hash`, adding it when new.
    @inline(__always)
    mutating func intern(_ key: [UInt8], hash: UInt64) -> (id: Int32, isNew: Bool) {
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, self.key(id).elementsEqual(key) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id
        usedSlots.append(Int32(slot))
        hashes.append(hash)
        keyStarts.append(Int32(keyBytes.count))
        keyBytes.append(contentsOf: key)
        return (id, true)
    }

    /// The id of `key`, or nil when the document does not contain it.
    func lookup(_ key: [UInt8], hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, self.key(id).elementsEqual(key) { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
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
