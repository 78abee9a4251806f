import Glibc

/// Interns folded word forms for one worker, across documents, and numbers the
/// forms of the current document densely: the document's *terms*.
///
/// A form keeps its id (its *form*) until ``removeAll()``; ``startDocument()``
/// forgets only the terms, in constant time (each form remembers the document
/// it was last numbered in). Term ids count from 0 in order of first
/// occurrence, as if the table were new for each document. Open addressing
/// over a power-of-two slot array; no allocation per token.
struct TermTable {
    private var slots = SlotArray()
    /// Per form: its term hash (``TermFolding``).
    private let formHashes = Column<UInt64>()
    /// Start of each form's key in ``keyBytes``; one extra entry marks the end.
    private let keyStarts = Column<Int32>()
    private let keyBytes = Column<UInt8>()
    /// Per form: the document it was last numbered in and its term id there.
    private let links = Column<Link>()
    /// The current document's number; forms linked to an earlier one are not its terms.
    private var document: UInt32 = 1

    /// Per term of the current document: the hash of its folded form.
    let hashes = Column<UInt64>()
    /// Per term of the current document: its form.
    private let forms = Column<Int32>()

    struct Link {
        var document: UInt32 = 0
        var term: Int32 = 0
    }

    init() { keyStarts.append(0) }

    /// The number of terms of the current document.
    var count: Int { hashes.count }
    /// The number of forms held.
    var formCount: Int { formHashes.count }
    /// The bytes of the forms held.
    var formBytes: Int { keyBytes.count }

    /// Starts a document: no form is one of its terms yet.
    /// - Parameter terms: room to reserve for its terms (at most one per token).
    mutating func startDocument(reserving terms: Int) {
        hashes.removeAll()
        forms.removeAll()
        hashes.reserveCapacity(terms)
        forms.reserveCapacity(terms)
        if document == .max { removeAll() }
        document &+= 1
    }

    /// Forgets every form (and so every term); form ids start again from 0.
    mutating func removeAll() {
        slots.reset()
        formHashes.removeAll()
        keyStarts.removeAll()
        keyStarts.append(0)
        keyBytes.removeAll()
        links.removeAll()
        hashes.removeAll()
        forms.removeAll()
        document = 1
    }

    /// The folded bytes of term `term` of the current document.
    func key(_ term: Int32) -> UnsafeBufferPointer<UInt8> { formKey(forms[Int(term)]) }

    private func formKey(_ form: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = Int(keyStarts[Int(form)])
        return UnsafeBufferPointer(start: keyBytes.base + start, count: Int(keyStarts[Int(form) + 1]) - start)
    }

    @inline(__always)
    private func matches(_ form: Int32, _ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let start = Int(keyStarts[Int(form)])
        guard Int(keyStarts[Int(form) + 1]) - start == length else { return false }
        let stored = keyBytes.base + start
        if length <= 8 {
            // Both sides are readable 8 bytes on (``FoldBuffer`` or the scratch room after ``keyBytes``).
            let mask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(8 * length)) &- 1
            let a = UnsafeRawPointer(stored).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)
            return (a ^ b) & mask == 0
        }
        return memcmp(stored, key, length) == 0
    }

    /// Where the next form is folded before ``intern(length:hash:)``: room for `count + 8`
    /// bytes right after the last key. A later call may move it.
    @inline(__always)
    func scratch(reserving count: Int) -> UnsafeMutablePointer<UInt8> { keyBytes.tail(reserving: count + 8) }

    /// The form of the folded bytes written at ``scratch(reserving:)`` (`length` bytes, hash
    /// `hash`), adding it when new: the written bytes then become its key, without a copy.
    /// The bytes after it stay readable (the rest of the scratch room), for the chunk compare in `matches`.
    mutating func intern(length: Int, hash: UInt64) -> Int32 {
        if slots.isFull(entries: formHashes.count) { slots.grow(entries: formHashes.count) { Int(truncatingIfNeeded: formHashes[$0]) } }
        let key = UnsafePointer(keyBytes.base + keyBytes.count)
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let form = slots[slot]
            if form < 0 { break }
            if formHashes[Int(form)] == hash, matches(form, key, length) { return form }
            slot = (slot &+ 1) & mask
        }
        let form = Int32(truncatingIfNeeded: formHashes.count)
        slots.occupy(slot, with: formHashes.count)
        formHashes.append(hash)
        keyBytes.commitTail(length)
        keyStarts.append(Int32(truncatingIfNeeded: keyBytes.count))
        links.append(Link())
        return form
    }

    /// The term of `form` in the current document, numbering it when it is new there.
    /// Appends to ``hashes`` without a growth check: see ``startDocument(reserving:)``.
    @inline(__always)
    mutating func term(ofForm form: Int32) -> (term: Int32, isNew: Bool) {
        let link = links.base + Int(form)
        if link.pointee.document == document { return (link.pointee.term, false) }
        let term = Int32(truncatingIfNeeded: hashes.count)
        link.pointee = Link(document: document, term: term)
        hashes.appendReserved(formHashes[Int(form)])
        forms.appendReserved(form)
        return (term, true)
    }

    /// The term of `key[0 ..< length]`, or nil when the current document does not contain it.
    func lookup(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Int32? {
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let form = slots[slot]
            if form < 0 { return nil }
            if formHashes[Int(form)] == hash, matches(form, key, length) {
                let link = links[Int(form)]
                return link.document == document ? link.term : nil
            }
            slot = (slot &+ 1) & mask
        }
    }
}
