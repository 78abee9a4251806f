/// Tables keyed by word hashes (``keyHash(_:)``), for the per-token checks of the context
/// rules. The keys are already well mixed, so their own low bits pick the slot: no `Hasher`
/// (SipHash) runs per lookup, as it would in a `Set<UInt64>` or `Dictionary`.

/// A map from word hashes (or hashes of word sequences) to values: open addressing, at most half full.
///
/// Meant to be kept across documents: ``removeAll(reservingCapacity:)`` empties it without freeing
/// its buffers, and sizes the part of them in use to the keys expected, so a small document neither
/// clears nor probes the room a large one needed.
struct WordHashMap<Value> {
    private var keys: [UInt64] = []
    private var values: [Value?] = []
    /// The slots in use: the first `capacity` of the buffers (a power of two, or 0 before the first key).
    private var capacity = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The value stored under `key`, or nil.
    ///
    /// The probe runs over the buffers' addresses: the slots in use are the first `capacity`
    /// (a power of two) and at least half of them are empty, so the masked walk ends in range.
    subscript(key: UInt64) -> Value? {
        guard count > 0 else { return nil }
        let mask = capacity &- 1
        return keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                var slot = Int(truncatingIfNeeded: key) & mask
                while values[slot] != nil {
                    if keys[slot] == key { return values[slot] }
                    slot = (slot &+ 1) & mask
                }
                return nil
            }
        }
    }

    /// Changes the value under `key`, starting from `initial` when there is none.
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        if capacity == 0 { resize(to: 16) }
        var slot = find(key)
        if values[slot] == nil {
            keys[slot] = key
            values[slot] = initial
            count += 1
            if count * 2 > capacity {
                grow()
                slot = find(key)
            }
        }
        change(&values[slot]!)
    }

    /// Stores `value` under `key` unless a value is there already.
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) {
        update(key, initial: value) { _ in }
    }

    /// Empties the map, keeping its buffers, with room for `expected` keys before it grows.
    /// - Complexity: O(the slots kept in use), about 2 × `expected`.
    mutating func removeAll(reservingCapacity expected: Int) {
        count = 0
        resize(to: max(16, Self.powerOfTwo(atLeast: 2 * expected)))
    }

    /// Calls `body` with every stored pair, in slot order (deterministic for the same insertions).
    func forEach(_ body: (_ key: UInt64, _ value: Value) -> Void) {
        for slot in 0 ..< capacity { if let value = values[slot] { body(keys[slot], value) } }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] != nil, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Uses the first `slots` of the buffers, all empty (growing the buffers when they are shorter).
    /// - Precondition: the map is empty.
    private mutating func resize(to slots: Int) {
        if values.count < slots {
            keys = [UInt64](repeating: 0, count: slots)
            values = Array(repeating: nil, count: slots)
        } else {
            values.withUnsafeMutableBufferPointer { $0[0 ..< slots].update(repeating: nil) }
        }
        capacity = slots
    }

    /// The smallest power of two at least `count` (1 for counts below 2).
    private static func powerOfTwo(atLeast count: Int) -> Int {
        count <= 1 ? 1 : 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount)
    }

    /// Doubles the slots in use and places every pair again.
    private mutating func grow() {
        var pairs: [(UInt64, Value)] = []
        pairs.reserveCapacity(count)
        forEach { pairs.append(($0, $1)) }
        count = 0
        resize(to: capacity * 2)
        for (key, value) in pairs { insertIfAbsent(key, value) }
    }
}

extension WordHashMap: Sendable where Value: Sendable {}

/// A set of word hashes that answers "certainly absent" or "maybe present": one bit per hash, picked
/// by its low twelve bits (a Bloom filter with one probe). A test is one load and a shift, cheaper
/// than a probe of ``WordHashMap``, for loops where most questions have the answer no.
///
/// Meant to be kept across documents: ``removeAll()`` clears its 512 bytes. Its bits are allocated
/// by the first ``insert(_:)``, so a new filter costs nothing until it is used.
struct WordHashFilter {
    /// The bits: empty until the first insert, then `bitCount / 64` words.
    private var words: [UInt64] = []
    private static let bitCount = 4096

    /// Adds `hash`.
    @inline(__always)
    mutating func insert(_ hash: UInt64) {
        if words.isEmpty { words = [UInt64](repeating: 0, count: Self.bitCount / 64) }
        let bit = Int(truncatingIfNeeded: hash) & (Self.bitCount - 1)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False only when `hash` was not inserted since the last ``removeAll()``.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash) & (Self.bitCount - 1)
        return bit >> 6 < words.count && words[bit >> 6] >> UInt64(bit & 63) & 1 != 0
    }

    /// Empties the filter.
    mutating func removeAll() {
        words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
