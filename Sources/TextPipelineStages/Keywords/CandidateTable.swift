/// Distinct candidate phrases of one document, keyed by their sequence of term ids.
///
/// A candidate is stored as the word range of its first occurrence; two
/// occurrences are the same candidate when their term sequences are equal.
/// Reused across documents like ``TermTable``.
struct CandidateTable {
    private var slots = SlotArray()
    private let hashes = Column<UInt64>()
    /// First word of the first occurrence.
    let firstWord = Column<Int32>()
    /// Number of words.
    let length = Column<Int32>()
    /// Number of occurrences.
    let frequency = Column<Int32>()
    /// Whether some occurrence is exactly a recognised entity.
    let isEntity = Column<Bool>()
    /// The single-word candidate of each term, or -1: no hashing for the commonest case.
    private let unigram = Column<Int32>()

    /// Candidates every column has room for.
    private var reserved = 0

    /// Whether some candidate may hold two adjacent stop words (false: none does).
    /// Set by the collector; YAKE then needs the co-occurrence counts of stop words.
    var mayHoldAdjacentStopWords = false

    var count: Int { firstWord.count }

    /// The words of candidate `index`'s first occurrence.
    @inline(__always)
    func words(_ index: Int) -> Range<Int> {
        let first = Int(firstWord[index])
        // Lengths are at least 1.
        return Range(uncheckedBounds: (first, first &+ Int(length[index])))
    }

    /// Forgets every candidate of the previous document; `terms` is the new document's term count.
    mutating func reset(terms: Int) {
        unigram.removeAll()
        unigram.append(repeating: -1, count: terms)
        mayHoldAdjacentStopWords = false
        slots.reset()
        hashes.removeAll(keepingCapacity: true)
        firstWord.removeAll(keepingCapacity: true)
        length.removeAll(keepingCapacity: true)
        frequency.removeAll(keepingCapacity: true)
        isEntity.removeAll(keepingCapacity: true)
        if reserved == 0 { reserve(256) }
    }

    /// The hash of the term sequence `terms[start ..< start + count]`, taken from its last
    /// term back to its first (``hashStep(_:_:)`` from ``hashSeed``), so that a collector
    /// walking starts leftwards extends one hash instead of hashing each n-gram again.
    @inline(__always)
    static func hash(_ terms: UnsafeBufferPointer<Int32>, _ start: Int, _ count: Int) -> UInt64 {
        var hash = hashSeed
        var index = start &+ count
        while index > start {
            index &-= 1
            hash = hashStep(hash, terms[index])
        }
        return hash
    }

    static let hashSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `hash` extended by one term on the left.
    @inline(__always)
    static func hashStep(_ hash: UInt64, _ term: Int32) -> UInt64 {
        let mixed = (hash ^ UInt64(UInt32(bitPattern: term))) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ mixed >> 29
    }

    /// Counts one occurrence made of words `start ..< start + count` (`terms` maps words to term ids).
    /// - Returns: the candidate's index.
    @discardableResult
    mutating func add(start: Int, count: Int, terms: UnsafeBufferPointer<Int32>, entity: Bool = false) -> Int {
        add(start: start, count: count, hash: count == 1 ? 0 : Self.hash(terms, start, count), terms: terms, entity: entity)
    }

    /// ``add(start:count:terms:entity:)`` given `hash`, which must be ``hash(_:_:_:)`` of the words
    /// when `count > 1` (it is ignored for one word).
    @inline(__always) @discardableResult
    mutating func add(start: Int, count: Int, hash: UInt64, terms: UnsafeBufferPointer<Int32>, entity: Bool = false) -> Int {
        if count == 1 {
            let term = Int(terms[start])
            let known = Int(unigram[term])
            if known >= 0 {
                frequency[known] &+= 1
                if entity { isEntity[known] = true }
                return known
            }
            unigram[term] = Int32(truncatingIfNeeded: firstWord.count)
            return append(start: start, count: 1, hash: 0, entity: entity)
        }
        if slots.isFull(entries: firstWord.count) {
            slots.grow(entries: firstWord.count) { length[$0] > 1 ? Int(truncatingIfNeeded: hashes[$0] >> 7) : nil }
        }
        let mask = slots.mask
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash, Int(length[index]) == count, Self.equal(terms, Int(firstWord[index]), start, count) {
                frequency[index] &+= 1
                if entity { isEntity[index] = true }
                return index
            }
            slot = (slot &+ 1) & mask
        }
        slots.occupy(slot, with: firstWord.count)
        return append(start: start, count: count, hash: hash, entity: entity)
    }

    @inline(__always)
    private mutating func append(start: Int, count: Int, hash: UInt64, entity: Bool) -> Int {
        if firstWord.count == reserved { reserve(2 * reserved) }
        hashes.appendReserved(hash)
        firstWord.appendReserved(Int32(truncatingIfNeeded: start))
        length.appendReserved(Int32(truncatingIfNeeded: count))
        frequency.appendReserved(1)
        isEntity.appendReserved(entity)
        return firstWord.count - 1
    }

    /// Makes room for `capacity` candidates in every column: one growth check per new candidate.
    private mutating func reserve(_ capacity: Int) {
        hashes.reserveCapacity(capacity)
        firstWord.reserveCapacity(capacity)
        length.reserveCapacity(capacity)
        frequency.reserveCapacity(capacity)
        isEntity.reserveCapacity(capacity)
        reserved = capacity
    }

    @inline(__always)
    private static func equal(_ terms: UnsafeBufferPointer<Int32>, _ first: Int, _ second: Int, _ count: Int) -> Bool {
        for offset in 0 ..< count where terms[first &+ offset] != terms[second &+ offset] { return false }
        return true
    }
}
