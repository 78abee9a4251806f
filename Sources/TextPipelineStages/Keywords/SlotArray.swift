/// The slot array behind the keyword stages' open-addressing tables
/// (``TermTable``, ``PairCounter``, ``CandidateTable``): a power-of-two array
/// of entry indices, -1 for an empty slot, probed linearly by the table.
///
/// ``reset()`` clears only the slots in use, so a table is reused from one
/// article to the next at a cost proportional to its entries.
struct SlotArray {
    private var slots = Column<Int32>()
    private let used = Column<Int32>()

    init() {
        slots.append(repeating: -1, count: 1024)
        used.reserveCapacity(512)
    }

    /// `slots - 1`, to reduce a hash to a slot.
    var mask: Int { slots.count &- 1 }

    /// The entry in `slot`, or -1.
    @inline(__always)
    subscript(slot: Int) -> Int32 { slots[slot] }

    /// Whether adding one more entry to `entries` would fill more than half the slots.
    @inline(__always)
    func isFull(entries: Int) -> Bool { (entries &+ 1) &* 2 > slots.count }

    /// Puts `entry` in the empty `slot`.
    @inline(__always)
    func occupy(_ slot: Int, with entry: Int) {
        // Entries and slots are far below 2^31 (word and token indices are Int32).
        slots[slot] = Int32(truncatingIfNeeded: entry)
        // Room for half the slots is reserved, and ``isFull(entries:)`` keeps fewer in use.
        used.appendReserved(Int32(truncatingIfNeeded: slot))
    }

    /// Empties every slot; shrinks back after an exceptionally large article.
    mutating func reset() {
        let (slots, used, count) = (self.slots.base, self.used.base, self.used.count)
        for index in 0 ..< count { slots[Int(used[index])] = -1 }
        self.used.removeAll()
        if self.slots.count > 1 << 16 { replace(size: 1024) }
    }

    /// Doubles the slots and re-inserts entries `0 ..< entries` at the home slot `home`
    /// gives them (nil: the entry is not in the slot array).
    mutating func grow(entries: Int, home: (Int) -> Int?) {
        replace(size: slots.count * 2)
        let mask = self.mask
        for entry in 0 ..< entries {
            guard let hash = home(entry) else { continue }
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            occupy(slot, with: entry)
        }
    }

    private mutating func replace(size: Int) {
        slots = Column<Int32>(capacity: size)
        slots.append(repeating: -1, count: size)
        used.removeAll()
        used.reserveCapacity(size / 2)
    }
}
