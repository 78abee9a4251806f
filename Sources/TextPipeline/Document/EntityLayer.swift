/// An entity label. PER, LOC, ORG and MISC are built in; rule stages may add others.
public struct EntityLabel: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let person = EntityLabel(rawValue: "PER")
    public static let location = EntityLabel(rawValue: "LOC")
    public static let organization = EntityLabel(rawValue: "ORG")
    public static let miscellaneous = EntityLabel(rawValue: "MISC")

    public var description: String { rawValue }
}

/// The entity layer: each entity is a half-open range of token indices with a
/// label and an optional canonical id (`geonames:1835841`, `tp:org/kcna`).
///
/// Canonical ids are UTF-8 bytes, never a `String` per entity: either copied into
/// the layer's own pool, or read in place from a registered ``CanonicalIDStore``
/// (the gazetteer NER refers to the ids of its memory-mapped gazetteers, so an id
/// is copied once, when output writes it). ``canonicalIDs`` decodes them on access.
public struct EntityLayer: Sendable, Equatable {
    public private(set) var firstTokens: [Int32] = []
    public private(set) var endTokens: [Int32] = []
    public private(set) var labels: [EntityLabel] = []
    /// Per entity: where its id is (``IDLocation``), or ``IDLocation/none``.
    private var idLocations: [UInt64] = []
    /// Ids copied into the layer, back to back.
    private var idPool: [UInt8] = []
    /// Copied ids too long for a location word (over 16 MiB), or copied past the pool's 4 GiB.
    private var longIDs: [[UInt8]] = []
    /// The stores that ``idLocations`` refer to by number (1 is the first; 0 is ``idPool``).
    private var stores: [CanonicalIDStore] = []

    /// Where an entity's id bytes are, packed in one word: offset (bits 0–31), length (bits
    /// 32–55), store number (bits 56–63): 0 for the layer's pool, 1–254 for a registered store,
    /// 255 for ``longIDs`` (offset is the index there).
    private enum IDLocation {
        static let none = UInt64.max
        static let maxOffset = 1 << 32 - 1
        static let maxLength = 1 << 24 - 1
        static let maxStores = 254
        static let long = 255

        @inline(__always)
        static func pack(store: Int, offset: Int, length: Int) -> UInt64 {
            UInt64(store) << 56 | UInt64(length) << 32 | UInt64(offset)
        }

        @inline(__always)
        static func unpack(_ word: UInt64) -> (store: Int, offset: Int, length: Int) {
            (Int(word >> 56), Int(word & UInt64(maxOffset)), Int(word >> 32 & UInt64(maxLength)))
        }
    }

    public init() {}

    public var count: Int { firstTokens.count }
    public var isEmpty: Bool { firstTokens.isEmpty }

    /// The canonical ids, decoded on access (nil where an entity has none).
    public var canonicalIDs: CanonicalIDs { CanonicalIDs(layer: self) }

    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalID: String?) {
        guard var id = canonicalID else { return append(tokens: range, label: label, canonicalIDBytes: nil) }
        id.withUTF8 { append(tokens: range, label: label, canonicalIDBytes: $0) }
    }

    /// Appends an entity whose canonical id is given as UTF-8 bytes (copied), or nil for none.
    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalIDBytes id: UnsafeBufferPointer<UInt8>?) {
        appendRange(range, label)
        guard let id else { return idLocations.append(IDLocation.none) }
        append(copying: id)
    }

    /// The number by which entities refer to `store` (``append(tokens:label:canonicalIDAt:length:in:)``);
    /// registering the same store again returns the same number. Nil when the layer already refers
    /// to 254 stores: append such ids as bytes instead.
    public mutating func register(_ store: CanonicalIDStore) -> Int? {
        if let index = stores.firstIndex(where: { $0 === store }) { return index + 1 }
        guard stores.count < IDLocation.maxStores else { return nil }
        stores.append(store)
        return stores.count
    }

    /// Appends an entity whose canonical id is `length` bytes at `offset` of registered store
    /// number `store`, read in place (not copied).
    /// - Precondition: `store` came from ``register(_:)`` on this layer; the bytes lie inside the store.
    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalIDAt offset: Int, length: Int, in store: Int) {
        precondition(store >= 1 && store <= stores.count, "an unregistered canonical id store")
        let bytes = stores[store - 1].bytes
        precondition(offset >= 0 && length >= 0 && offset <= bytes.count - length, "a canonical id outside its store")
        appendRange(range, label)
        guard offset + length <= IDLocation.maxOffset, length <= IDLocation.maxLength else {
            return append(copying: UnsafeBufferPointer(rebasing: bytes[offset ..< offset + length]))
        }
        idLocations.append(IDLocation.pack(store: store, offset: offset, length: length))
    }

    @inline(__always)
    private mutating func appendRange(_ range: Range<Int>, _ label: EntityLabel) {
        precondition(!range.isEmpty, "an entity holds at least one token")
        firstTokens.append(Int32(range.lowerBound))
        endTokens.append(Int32(range.upperBound))
        labels.append(label)
    }

    /// Copies `id` into the pool (or, past what a location word holds, into ``longIDs``) and records where.
    private mutating func append(copying id: UnsafeBufferPointer<UInt8>) {
        let offset = idPool.count
        if offset + id.count <= IDLocation.maxOffset, id.count <= IDLocation.maxLength {
            idPool.append(contentsOf: id)
            idLocations.append(IDLocation.pack(store: 0, offset: offset, length: id.count))
        } else {
            idLocations.append(IDLocation.pack(store: IDLocation.long, offset: longIDs.count, length: 0))
            longIDs.append(Array(id))
        }
    }

    /// Reserves room for `count` more entities with copied ids of `idBytes` bytes in all.
    public mutating func reserveCapacity(adding count: Int, idBytes: Int = 0) {
        firstTokens.reserveCapacity(firstTokens.count + count)
        endTokens.reserveCapacity(endTokens.count + count)
        labels.reserveCapacity(labels.count + count)
        idLocations.reserveCapacity(idLocations.count + count)
        if idBytes > 0 { idPool.reserveCapacity(idPool.count + idBytes) }
    }

    /// Changes the label of entity `index`.
    public mutating func relabel(_ index: Int, as label: EntityLabel) { labels[index] = label }

    /// Moves every entity's token boundaries through `boundary` (old token index to new), for a
    /// stage that splits or merges tokens; labels and ids stay as they are.
    public mutating func moveTokenBoundaries(_ boundary: (Int) -> Int) {
        for index in firstTokens.indices {
            firstTokens[index] = Int32(boundary(Int(firstTokens[index])))
            endTokens[index] = Int32(boundary(Int(endTokens[index])))
        }
    }

    public func tokenRange(_ index: Int) -> Range<Int> { Int(firstTokens[index]) ..< Int(endTokens[index]) }

    /// Whether entity `index` has a canonical id.
    public func hasCanonicalID(_ index: Int) -> Bool { idLocations[index] != IDLocation.none }

    /// Calls `body` with the UTF-8 bytes of entity `index`'s canonical id (empty when it has none).
    public func withCanonicalIDBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let word = idLocations[index]
        guard word != IDLocation.none else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let (store, offset, length) = IDLocation.unpack(word)
        if store == IDLocation.long { return try longIDs[offset].withUnsafeBufferPointer(body) }
        if store > 0 { return try body(UnsafeBufferPointer(rebasing: stores[store - 1].bytes[offset ..< offset + length])) }
        return try idPool.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset ..< offset + length])) }
    }

    public static func == (a: EntityLayer, b: EntityLayer) -> Bool {
        a.firstTokens == b.firstTokens && a.endTokens == b.endTokens && a.labels == b.labels
            && a.canonicalIDs.elementsEqual(b.canonicalIDs)
    }

    /// The canonical ids of a layer as a collection of optional strings.
    public struct CanonicalIDs: RandomAccessCollection, Sendable {
        let layer: EntityLayer
        public var startIndex: Int { 0 }
        public var endIndex: Int { layer.count }
        public subscript(index: Int) -> String? {
            layer.hasCanonicalID(index) ? layer.withCanonicalIDBytes(index) { String(decoding: $0, as: UTF8.self) } : nil
        }
    }
}
