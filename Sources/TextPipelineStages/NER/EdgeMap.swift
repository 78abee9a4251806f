/// The trie's edges while compiling: `parent << 32 | token` → child, open addressing.
struct EdgeMap {
    private var keys = [UInt64](repeating: 0, count: 1 << 16)
    private var children = [UInt32](repeating: 0, count: 1 << 16)
    private(set) var count = 0

    /// The child stored under `key`, or `candidate` after storing it (children are never 0).
    mutating func child(_ key: UInt64, orInsert candidate: UInt32) -> UInt32 {
        let mask = keys.count - 1
        var slot = GazetteerFormat.edgeSlot(parent: UInt32(key >> 32), token: UInt32(truncatingIfNeeded: key), mask: mask)
        while children[slot] != 0 {
            if keys[slot] == key { return children[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        children[slot] = candidate
        count += 1
        if count * 2 > keys.count { grow() }
        return candidate
    }

    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        children = [UInt32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for index in oldKeys.indices where oldChildren[index] != 0 {
            _ = child(oldKeys[index], orInsert: oldChildren[index])
        }
    }
}
