/// The word surfaces one worker has met (a word's bytes as the text spells them,
/// `The`, `the`, `Kim's`), each with what ``TermAnalysis`` needs of it: its
/// form in the ``TermTable``, its shapes and flags, the length of a dropped possessive.
///
/// All of these depend on the surface's bytes only, so they are worked out once,
/// when a surface is first met, and a later occurrence in any document costs one
/// hash and one probe instead of folding, hashing and classifying. Surfaces are
/// held in 8-byte chunks, zero-padded: the first inline in the entry, the others in ``tails``.
struct SurfaceTable {
    struct Entry {
        /// The surface's first 8 bytes, zero-padded.
        var head: UInt64
        /// Where the chunks after the first start in ``tails``.
        var tail: Int32
        var length: Int32
        var form: Int32
        /// ``TermAnalysis/stopFlag`` and ``TermAnalysis/numericFlag`` of the form.
        var flags: UInt8
        var shapes: WordShapes
        /// Bytes of a final possessive left out of the form (`'s`: 2, `’s`: 4), else 0.
        var dropped: UInt8
    }

    private var slots = SlotArray()
    /// Per entry: its hash, to re-insert it when the slots grow.
    private let hashes = Column<UInt64>()
    let entries = Column<Entry>()
    private let tails = Column<UInt64>()

    /// The number of surfaces held.
    var count: Int { entries.count }
    /// The bytes held for surfaces longer than 8 bytes.
    var tailBytes: Int { tails.count &* 8 }

    /// Forgets every surface.
    mutating func removeAll() {
        slots.reset()
        hashes.removeAll()
        entries.removeAll()
        tails.removeAll()
    }

    /// Byte lanes `0 ..< count` of `chunk` (all of them from 8 on).
    @inline(__always)
    private static func masked(_ chunk: UInt64, _ count: Int) -> UInt64 {
        count < 8 ? chunk & ((1 &<< UInt64(8 &* count)) &- 1) : chunk
    }

    /// The chunk at `offset` of a surface of `count` bytes at `source`, zero-padded.
    @inline(__always)
    private static func chunk(_ source: UnsafeRawPointer, _ offset: Int, _ count: Int) -> UInt64 {
        masked(UInt64(littleEndian: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), count &- offset)
    }

    /// The hash of the `count` bytes at `source`, which is readable in whole 8-byte chunks
    /// (`count` rounded up to a multiple of 8), and its first chunk.
    @inline(__always)
    static func hash(_ source: UnsafeRawPointer, count: Int) -> (hash: UInt64, head: UInt64) {
        let head = chunk(source, 0, count)
        var hash = (head ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
        var offset = 8
        while offset < count {
            hash = (hash ^ hash >> 29 ^ chunk(source, offset, count)) &* 0x9E37_79B9_7F4A_7C15
            offset &+= 8
        }
        return (hash ^ hash >> 32, head)
    }

    /// The entry of the `count` bytes at `source` (readable in whole chunks), with `hash`
    /// and `head` from ``hash(_:count:)``, or -1 when the surface is new.
    @inline(__always)
    func find(_ source: UnsafeRawPointer, count: Int, hash: UInt64, head: UInt64) -> Int {
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return -1 }
            let entry = entries.base + index
            if entry.pointee.head == head, Int(entry.pointee.length) == count, count <= 8 || tailMatches(entry.pointee.tail, source, count) {
                return index
            }
            slot = (slot &+ 1) & mask
        }
    }

    private func tailMatches(_ tail: Int32, _ source: UnsafeRawPointer, _ count: Int) -> Bool {
        var stored = tails.base + Int(tail)
        var offset = 8
        while offset < count {
            if stored.pointee != Self.chunk(source, offset, count) { return false }
            stored += 1
            offset &+= 8
        }
        return true
    }

    /// Adds the new surface of `count` bytes at `source` (readable in whole chunks), with
    /// `hash` and `head` from ``hash(_:count:)``; `entry` holds the rest. Returns its index.
    mutating func insert(_ source: UnsafeRawPointer, count: Int, hash: UInt64, head: UInt64, entry: Entry) -> Int {
        if slots.isFull(entries: entries.count) { slots.grow(entries: entries.count) { Int(truncatingIfNeeded: hashes[$0]) } }
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        var entry = entry
        entry.head = head
        entry.length = Int32(truncatingIfNeeded: count)
        entry.tail = Int32(truncatingIfNeeded: tails.count)
        var offset = 8
        while offset < count {
            tails.append(Self.chunk(source, offset, count))
            offset &+= 8
        }
        slots.occupy(slot, with: entries.count)
        hashes.append(hash)
        entries.append(entry)
        return entries.count &- 1
    }
}
