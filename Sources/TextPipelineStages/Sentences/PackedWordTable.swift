/// A read-only open-addressing hash table from packed words to values, for
/// the word-list look-ups in the splitter's loop: one multiply to hash, a
/// few compares to probe, no `Hasher`.
///
/// Built from a list's entries whenever the list changes (at load time);
/// at most half full, so probes stay short.
struct PackedWordTable<Value: Sendable>: Sendable {
    /// Keys by slot; ``PackedWord/vacant`` marks a free slot.
    private var keys: [PackedWord] = [.vacant]
    private var values: [Value?] = [nil]

    init() {}

    init(_ entries: some Sequence<(PackedWord, Value)>) {
        let entries = Array(entries)
        var size = 2
        while size < entries.count * 2 { size *= 2 }
        keys = Array(repeating: .vacant, count: size)
        values = Array(repeating: nil, count: size)
        for (key, value) in entries {
            var slot = key.tableHash & (size - 1)
            while keys[slot] != .vacant { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// A table of the words of a set.
    init(_ words: Set<PackedWord>) where Value == Void {
        self.init(words.lazy.map { ($0, ()) })
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    subscript(key: PackedWord) -> Value? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = key.tableHash & mask
            while true {
                if keys[slot] == key { return values[slot] }
                if keys[slot] == .vacant { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
