import Glibc

/// Interns folded word forms to dense integer ids, per document, over a
/// vocabulary that one worker keeps from document to document.
///
/// The vocabulary is open addressing over a power-of-two slot array of
/// ``Form`` records: each distinct form is stored, hashed and classified
/// (stop word, numeric) once per worker, not once per document. A document numbers its own terms from 0
/// in order of first occurrence (*document ids*, the ids every caller sees),
/// through a per-form stamp, so starting a document costs nothing per form.
/// The vocabulary is dropped when it holds more than ``vocabularyLimit`` forms
/// (checked between documents), which bounds a worker's memory on any input.
struct TermTable {
    /// What the vocabulary knows about one form, in one record: a lookup touches one cache line, not six columns.
    struct Form {
        var hash: UInt64
        /// The form's key is `keyBytes[keyStart ..< keyStart + keyLength]`.
        var keyStart: Int32
        var keyLength: Int32
        /// The document that last met the form, and the form's id in it.
        var stamp: UInt32
        var documentID: Int32
        var flags: UInt8
    }

    private var slots = SlotArray()
    private let formRecords = Column<Form>()
    private let keyBytes = Column<UInt8>()
    /// Per document id: the form.
    private let forms = Column<Int32>()
    /// The current document's stamp; forms carry 0 until a document meets them.
    private var stamp: UInt32 = 0

    /// Forms kept between documents at most; more drops the whole vocabulary at the next document.
    let vocabularyLimit: Int

    /// - Parameter vocabularyLimit: the most forms kept between documents (about 40 bytes each).
    init(vocabularyLimit: Int = 1 << 18) {
        self.vocabularyLimit = vocabularyLimit
    }

    /// The number of distinct terms of the current document.
    var count: Int { forms.count }

    /// The number of forms in the vocabulary (all documents since the last drop).
    var vocabularyCount: Int { formRecords.count }

    /// Starts a document: forgets its terms (not the vocabulary, unless it outgrew ``vocabularyLimit``).
    mutating func startDocument() {
        if formRecords.count > vocabularyLimit || stamp == .max { removeAll() }
        stamp += 1
        forms.removeAll(keepingCapacity: true)
    }

    /// Forgets every form, for example when the classification of forms changes.
    mutating func removeAll() {
        slots.reset()
        formRecords.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        forms.removeAll(keepingCapacity: true)
        stamp = 0
    }

    /// The folded bytes of term `id` of the current document.
    func key(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        let form = formRecords[Int(forms[Int(id)])]
        return UnsafeBufferPointer(start: keyBytes.base + Int(form.keyStart), count: Int(form.keyLength))
    }

    /// The hash (``TermFolding``) of term `id` of the current document.
    func hash(_ id: Int32) -> UInt64 { formRecords[Int(forms[Int(id)])].hash }

    @inline(__always)
    private func matches(_ form: UnsafeMutablePointer<Form>, _ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard Int(form.pointee.keyLength) == length else { return false }
        let stored = keyBytes.base + Int(form.pointee.keyStart)
        if length <= 8 {
            // Both sides are readable 8 bytes on (``FoldBuffer``; the slack after ``keyBytes``).
            let mask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(8 * length)) &- 1
            let a = UnsafeRawPointer(stored).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)
            return (a ^ b) & mask == 0
        }
        if length <= 16 {
            for offset in 0 ..< length where stored[offset] != key[offset] { return false }
            return true
        }
        return memcmp(stored, key, length) == 0
    }

    /// The form of `key[0 ..< length]` with hash `hash`, or -1 and the empty slot where it belongs.
    @inline(__always)
    private func find(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> (form: Int32, slot: Int) {
        let mask = slots.mask
        let records = formRecords.base
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let form = slots[slot]
            if form < 0 { return (form, slot) }
            let record = records + Int(form)
            if record.pointee.hash == hash, matches(record, key, length) { return (form, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// The document id of the folded form `key[0 ..< length]` with hash `hash`, adding it when new.
    /// `classify` gives the flags of a form the vocabulary has not seen (called once per form).
    /// - Returns: the id, whether it is new in this document, and the form's flags.
    @inline(__always)
    mutating func intern(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64,
                         classify: () -> UInt8) -> (id: Int32, isNew: Bool, flags: UInt8) {
        if slots.isFull(entries: formRecords.count) {
            slots.grow(entries: formRecords.count) { Int(truncatingIfNeeded: formRecords[$0].hash) }
        }
        var (form, slot) = find(key, length: length, hash: hash)
        if form < 0 {
            form = Int32(formRecords.count)
            add(key, length: length, hash: hash, flags: classify(), slot: slot)
        }
        let record = formRecords.base + Int(form)
        if record.pointee.stamp == stamp { return (record.pointee.documentID, false, record.pointee.flags) }
        record.pointee.stamp = stamp
        let id = Int32(forms.count)
        record.pointee.documentID = id
        forms.append(form)
        return (id, true, record.pointee.flags)
    }

    private mutating func add(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64, flags: UInt8, slot: Int) {
        slots.occupy(slot, with: formRecords.count)
        formRecords.append(Form(hash: hash, keyStart: Int32(keyBytes.count), keyLength: Int32(length), stamp: 0, documentID: -1, flags: flags))
        // Keep 8 initialised bytes of slack after the last key, for the chunk compare in `matches`.
        keyBytes.reserveCapacity(keyBytes.count + length + 8)
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: key, count: length))
        (keyBytes.base + keyBytes.count).initialize(repeating: 0, count: 8)
    }

    /// The document id of `key[0 ..< length]`, or nil when the current document does not contain it.
    func lookup(_ key: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Int32? {
        let form = Int(find(key, length: length, hash: hash).form)
        guard form >= 0, formRecords[form].stamp == stamp else { return nil }
        return formRecords[form].documentID
    }
}
