/// Tables keyed by word hashes (``keyHash(_:)``), for the per-token checks of the context
/// rules. The keys are already well mixed, so their own low bits pick the slot: no `Hasher`
/// (SipHash) runs per lookup, as it would in a `Set<UInt64>` or `Dictionary`.

/// A set of word hashes: open addressing, at most half full.
struct WordHashSet: Sendable {
    /// 0 marks an empty slot; the key 0 itself is kept in ``containsZero``.
    private var slots = [UInt64](repeating: 0, count: 8)
    private var containsZero = false
    private(set) var count = 0

    mutating func insert(_ key: UInt64) {
        guard key != 0 else {
            if !containsZero { count += 1 }
            containsZero = true
            return
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        count += 1
        if count * 2 > slots.count { rehash(to: slots.count * 2) }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return containsZero }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rehash(to capacity: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: capacity)
        let zero = containsZero
        count = 0
        containsZero = false
        for key in old where key != 0 { insert(key) }
        if zero { insert(0) }
    }
}

/// A map from word hashes to values: open addressing, at most half full.
struct WordHashMap<Value> {
    private var keys = [UInt64](repeating: 0, count: 16)
    private var values: [Value?] = Array(repeating: nil, count: 16)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The value stored under `key`, or nil.
    subscript(key: UInt64) -> Value? {
        let slot = find(key)
        return keys[slot] == key ? values[slot] : nil
    }

    /// Changes the value under `key`, starting from `initial` when there is none.
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        var slot = find(key)
        if values[slot] == nil {
            keys[slot] = key
            values[slot] = initial
            count += 1
            if count * 2 > keys.count {
                rehash(to: keys.count * 2)
                slot = find(key)
            }
        }
        change(&values[slot]!)
    }

    /// Stores `value` under `key` unless a value is there already.
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) {
        update(key, initial: value) { _ in }
    }

    /// Every stored pair, in slot order (deterministic for the same insertions).
    var pairs: [(key: UInt64, value: Value)] {
        keys.indices.compactMap { slot in values[slot].map { (keys[slot], $0) } }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] != nil, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func rehash(to capacity: Int) {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        count = 0
        for slot in oldKeys.indices {
            if let value = oldValues[slot] { update(oldKeys[slot], initial: value) { _ in } }
        }
    }
}
