import Glibc

/// Interns folded word forms of one document to dense integer ids.
///
/// Open addressing over a power-of-two slot array. ``reset()`` forgets every
/// term in time proportional to the number of terms, so one table serves a
/// worker for its whole life without allocating per token.
struct TermTable {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var usedSlots: [Int32] = []
    private(set) var hashes: [UInt64] = []
    /// Start of each term's key in ``keyBytes``; one extra entry marks the end.
    private var keyStarts: [Int32] = [0]
    private(set) var keyBytes: [UInt8] = []

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
        if slots.count > 1 << 16 { slots = [Int32](repeating: -1, count: 1024) }
    }

    /// The folded bytes of term `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> {
        keyBytes[Int(keyStarts[Int(id)]) ..< Int(keyStarts[Int(id) + 1])]
    }

    @inline(__always)
    private func matches(_ id: Int32, _ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let start = Int(keyStarts[Int(id)])
        guard Int(keyStarts[Int(id) + 1]) - start == length else { return false }
        return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key, length) == 0 }
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
