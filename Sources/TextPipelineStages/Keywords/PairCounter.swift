/// Counts ordered pairs of term ids (co-occurrence edges) with open addressing.
///
/// Reused across documents: ``reset()`` costs the number of pairs seen.
struct PairCounter {
    private var slots = SlotArray()
    let keys = Column<UInt64>()
    let counts = Column<Int32>()

    /// Pairs both columns have room for: one growth check per new pair.
    private var reserved = 0

    var count: Int { keys.count }

    mutating func reset() {
        slots.reset()
        keys.removeAll()
        counts.removeAll()
    }

    @inline(__always)
    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// The pair `index` as (first, second).
    func pair(_ index: Int) -> (Int32, Int32) {
        let key = keys[index]
        return (Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: key)))
    }

    /// The home slot of `key` before masking: the high half of the product, which depends on
    /// both terms (a bit of the product depends only on the key's bits at or below it, so the
    /// low half would hold nothing of the first term and every pair with the same second
    /// term would probe from the same slot).
    @inline(__always)
    static func slotHash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// Makes room for `pairs` distinct pairs in all, so that ``add(_:_:amount:reserved:)`` with
    /// `reserved` needs no growth check while there are no more.
    mutating func reserve(pairs: Int) {
        while slots.isFull(entries: pairs &- 1) { slots.grow(entries: keys.count) { Self.slotHash(keys[$0]) } }
        if pairs > reserved {
            reserved = pairs
            keys.reserveCapacity(reserved)
            counts.reserveCapacity(reserved)
        }
    }

    /// The number of slots (twice the distinct pairs it takes without growing).
    var slotCount: Int { slots.mask &+ 1 }

    /// Adds `amount` to the count of (`first`, `second`). `reserved`: ``reserve(pairs:)`` made room for this pair.
    /// - Returns: whether the pair is new (it had no count before).
    @inline(__always) @discardableResult
    mutating func add(_ first: Int32, _ second: Int32, amount: Int32 = 1, reserved isReserved: Bool = false) -> Bool {
        if !isReserved, slots.isFull(entries: keys.count) { slots.grow(entries: keys.count) { Self.slotHash(keys[$0]) } }
        let key = Self.key(first, second)
        let mask = slots.mask
        var slot = Self.slotHash(key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if keys[Int(index)] == key {
                counts[Int(index)] &+= amount
                return false
            }
            slot = (slot &+ 1) & mask
        }
        slots.occupy(slot, with: keys.count)
        if !isReserved, keys.count == reserved {
            reserved = max(256, 2 * reserved)
            keys.reserveCapacity(reserved)
            counts.reserveCapacity(reserved)
        }
        keys.appendReserved(key)
        counts.appendReserved(amount)
        return true
    }

    /// The count of (`first`, `second`), 0 when never added.
    @inline(__always)
    func count(_ first: Int32, _ second: Int32) -> Int32 {
        let key = Self.key(first, second)
        let mask = slots.mask
        var slot = Self.slotHash(key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return 0 }
            if keys[Int(index)] == key { return counts[Int(index)] }
            slot = (slot &+ 1) & mask
        }
    }
}
