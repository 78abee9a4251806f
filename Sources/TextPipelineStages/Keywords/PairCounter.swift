/// Counts ordered pairs of term ids (co-occurrence edges) with open addressing.
///
/// Reused across documents: ``reset()`` costs the number of pairs seen.
struct PairCounter {
    private var slots = Column<Int32>()
    let keys = Column<UInt64>()
    let counts = Column<Int32>()
    private let usedSlots = Column<Int32>()

    init() { slots.append(repeating: -1, count: 1024) }

    var count: Int { keys.count }

    mutating func reset() {
        for slot in usedSlots { slots[Int(slot)] = -1 }
        usedSlots.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        if slots.count > 1 << 16 {
            slots = Column<Int32>()
            slots.append(repeating: -1, count: 1024)
        }
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

    @inline(__always)
    private static func slotHash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    /// Adds `amount` to the count of (`first`, `second`).
    @inline(__always)
    mutating func add(_ first: Int32, _ second: Int32, amount: Int32 = 1) {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let key = Self.key(first, second)
        let mask = slots.count - 1
        var slot = Self.slotHash(key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if keys[Int(index)] == key {
                counts[Int(index)] += amount
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count)
        usedSlots.append(Int32(slot))
        keys.append(key)
        counts.append(amount)
    }

    /// The count of (`first`, `second`), 0 when never added.
    func count(_ first: Int32, _ second: Int32) -> Int32 {
        let key = Self.key(first, second)
        let mask = slots.count - 1
        var slot = Self.slotHash(key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return 0 }
            if keys[Int(index)] == key { return counts[Int(index)] }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Column<Int32>(capacity: size)
        slots.append(repeating: -1, count: size)
        usedSlots.removeAll(keepingCapacity: true)
        let mask = slots.count - 1
        for index in keys.indices {
            var slot = Self.slotHash(keys[index]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
            usedSlots.append(Int32(slot))
        }
    }
}
