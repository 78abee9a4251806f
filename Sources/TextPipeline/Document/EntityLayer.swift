/// An entity label. PER, LOC, ORG and MISC are built in; rule stages may add others.
public struct EntityLabel: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A person (`PER`).
    public static let person = EntityLabel(rawValue: "PER")
    /// A location: a country, city, region or place (`LOC`).
    public static let location = EntityLabel(rawValue: "LOC")
    /// An organisation: a company, party, agency, team (`ORG`).
    public static let organization = EntityLabel(rawValue: "ORG")
    /// Any other name: an event, a nationality, a work (`MISC`).
    public static let miscellaneous = EntityLabel(rawValue: "MISC")

    public var description: String { rawValue }
}

/// The entity layer: each entity is a half-open range of token indices with a
/// label and an optional canonical id (`geonames:1835841`, `tp:org/kcna`).
///
/// Canonical ids are UTF-8 bytes, never a `String` per entity: either copied into
/// the layer's own pool, or read in place from a registered read-only store
/// (the gazetteer NER refers to the ids of its memory-mapped gazetteers, so an id
/// is copied once, when output writes it). ``canonicalIDs`` decodes them on access.
///
/// Each entity is one 16-byte row (its tokens, label number and id location), so an
/// append writes one array element; labels are numbered in a per-layer table.
public struct EntityLayer: Sendable, Equatable {
    /// One row per entity.
    private var rows: [Row] = []
    /// The distinct labels, numbered by position (at most ``Row/maxLabels``; later ones in ``extraLabels``).
    private var labelTable: [EntityLabel] = []
    /// Labels of entities whose label did not fit the table, by entity index.
    private var extraLabels: [Int: EntityLabel] = [:]
    /// Ids copied into the layer, back to back.
    private var idPool: [UInt8] = []
    /// Copied ids too long for a location (64 KiB and over), or copied past the pool's 4 GiB.
    private var longIDs: [[UInt8]] = []
    /// The stores that rows refer to by number (1 is the first; 0 is ``idPool``).
    private var stores: [CanonicalIDStore] = []

    /// An entity: token range, and one word packing where its id bytes are (offset, bits 0–31;
    /// length, bits 32–47; label number, bits 48–55; store number, bits 56–63: 0 for the layer's
    /// pool, 1–254 for a registered store, 255 for ``longIDs`` with the offset indexing there).
    /// A word with all of the offset, length and store bits set means no id.
    private struct Row: Equatable {
        var first: Int32
        var end: Int32
        var word: UInt64

        /// The label number's bits; a location (``location(store:offset:length:)``) leaves them clear.
        static let labelBits: UInt64 = 0xFF << 48
        static let noID: UInt64 = ~labelBits
        static let maxOffset = 1 << 32 - 1
        static let maxLength = 1 << 16 - 2
        static let maxStores = 254
        static let long = 255
        /// Label number 255 means "in ``extraLabels``".
        static let maxLabels = 255

        /// The word of an id's location, label number 0.
        @inline(__always)
        static func location(store: Int, offset: Int, length: Int) -> UInt64 {
            UInt64(store) << 56 | UInt64(length) << 32 | UInt64(offset)
        }

        var label: Int { Int(word >> 48 & 0xFF) }
        var hasID: Bool { word | Self.labelBits != UInt64.max }
        var id: (store: Int, offset: Int, length: Int) { (Int(word >> 56), Int(word & 0xFFFF_FFFF), Int(word >> 32 & 0xFFFF)) }
    }

    /// An empty layer.
    public init() {}

    /// The number of entities.
    public var count: Int { rows.count }
    /// Whether the layer has no entity.
    public var isEmpty: Bool { rows.isEmpty }

    /// The labels, in entity order.
    public var labels: Labels { Labels(layer: self) }

    /// The canonical ids, decoded on access (nil where an entity has none).
    public var canonicalIDs: CanonicalIDs { CanonicalIDs(layer: self) }

    /// Appends an entity over tokens `range` with `label` and an optional canonical id, copied into the layer.
    /// - Parameters:
    ///   - range: token indices, half-open; callers keep entities sorted and non-overlapping.
    ///   - label: the entity's label.
    ///   - canonicalID: the id (`geonames:1835841`), or nil for none.
    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalID: String?) {
        guard var id = canonicalID else { return append(tokens: range, label: label, canonicalIDBytes: nil) }
        id.withUTF8 { append(tokens: range, label: label, canonicalIDBytes: $0) }
    }

    /// Appends an entity whose canonical id is given as UTF-8 bytes (copied), or nil for none.
    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalIDBytes id: UnsafeBufferPointer<UInt8>?) {
        let number = labelNumber(label)
        guard let id else { return appendRow(range, number, Row.noID, label) }
        appendRow(range, number, copy(id), label)
    }

    /// The number by which entities refer to `store` (``append(tokens:label:canonicalIDAt:length:in:)``);
    /// registering the same store again returns the same number. Nil when the layer already refers
    /// to 254 stores: append such ids as bytes instead.
    package mutating func register(_ store: CanonicalIDStore) -> Int? {
        if let index = stores.firstIndex(where: { $0 === store }) { return index + 1 }
        guard stores.count < Row.maxStores else { return nil }
        stores.append(store)
        return stores.count
    }

    /// Appends an entity whose canonical id is `length` bytes at `offset` of registered store
    /// number `store`, read in place (not copied).
    /// - Precondition: `store` came from ``register(_:)`` on this layer; the bytes lie inside the store.
    package mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalIDAt offset: Int, length: Int, in store: Int) {
        precondition(store >= 1 && store <= stores.count, "an unregistered canonical id store")
        precondition(offset >= 0 && length >= 0 && offset <= stores[store - 1].bytes.count - length, "a canonical id outside its store")
        let number = labelNumber(label)
        guard offset + length <= Row.maxOffset, length <= Row.maxLength else {
            return appendRow(range, number, copy(UnsafeBufferPointer(rebasing: stores[store - 1].bytes[offset ..< offset + length])), label)
        }
        appendRow(range, number, Row.location(store: store, offset: offset, length: length), label)
    }

    /// Adds the row; `location` comes from ``Row/location(store:offset:length:)`` or is ``Row/noID``.
    @inline(__always)
    private mutating func appendRow(_ range: Range<Int>, _ number: Int, _ location: UInt64, _ label: EntityLabel) {
        precondition(!range.isEmpty, "an entity holds at least one token")
        if number == Row.maxLabels { extraLabels[rows.count] = label }
        rows.append(
            Row(
                first: Int32(range.lowerBound), end: Int32(range.upperBound),
                word: location | UInt64(number) << 48))
    }

    /// The number of `label` in ``labelTable`` (added when new), or ``Row/maxLabels`` when the table is full.
    @inline(__always)
    private mutating func labelNumber(_ label: EntityLabel) -> Int {
        for index in labelTable.indices where labelTable[index] == label { return index }
        guard labelTable.count < Row.maxLabels else { return Row.maxLabels }
        labelTable.append(label)
        return labelTable.count - 1
    }

    /// Copies `id` into the pool (or, past what a row holds, into ``longIDs``); returns its location word.
    private mutating func copy(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let offset = idPool.count
        if offset + id.count <= Row.maxOffset, id.count <= Row.maxLength {
            idPool.append(contentsOf: id)
            return Row.location(store: 0, offset: offset, length: id.count)
        }
        longIDs.append(Array(id))
        return Row.location(store: Row.long, offset: longIDs.count - 1, length: 0)
    }

    /// Reserves room for `count` more entities.
    public mutating func reserveCapacity(adding count: Int) {
        rows.reserveCapacity(rows.count + count)
    }

    /// Changes the label of entity `index`.
    public mutating func relabel(_ index: Int, as label: EntityLabel) {
        let number = labelNumber(label)
        if number == Row.maxLabels { extraLabels[index] = label } else { extraLabels[index] = nil }
        rows[index].word = rows[index].word & ~Row.labelBits | UInt64(number) << 48
    }

    /// Moves every entity's token boundaries through `boundary` (old token index to new), for a
    /// stage that splits or merges tokens; labels and ids stay as they are.
    public mutating func moveTokenBoundaries(_ boundary: (Int) -> Int) {
        for index in rows.indices {
            rows[index].first = Int32(boundary(Int(rows[index].first)))
            rows[index].end = Int32(boundary(Int(rows[index].end)))
        }
    }

    /// The token indices of entity `index`.
    public func tokenRange(_ index: Int) -> Range<Int> { Int(rows[index].first) ..< Int(rows[index].end) }

    /// Whether entity `index` has a canonical id.
    public func hasCanonicalID(_ index: Int) -> Bool { rows[index].hasID }

    /// Calls `body` with the UTF-8 bytes of entity `index`'s canonical id (empty when it has none).
    public func withCanonicalIDBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let row = rows[index]
        guard row.hasID else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let (store, offset, length) = row.id
        if store == Row.long { return try longIDs[offset].withUnsafeBufferPointer(body) }
        if store > 0 { return try body(UnsafeBufferPointer(rebasing: stores[store - 1].bytes[offset ..< offset + length])) }
        return try idPool.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset ..< offset + length])) }
    }

    public static func == (a: EntityLayer, b: EntityLayer) -> Bool {
        a.count == b.count && a.rows.indices.allSatisfy { a.tokenRange($0) == b.tokenRange($0) }
            && a.labels.elementsEqual(b.labels) && a.canonicalIDs.elementsEqual(b.canonicalIDs)
    }

    /// The labels of a layer as a collection.
    public struct Labels: RandomAccessCollection, Sendable {
        let layer: EntityLayer
        public var startIndex: Int { 0 }
        public var endIndex: Int { layer.count }
        public subscript(index: Int) -> EntityLabel {
            let number = layer.rows[index].label
            return number == Row.maxLabels ? layer.extraLabels[index]! : layer.labelTable[number]
        }
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
