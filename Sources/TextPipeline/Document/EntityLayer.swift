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
/// Canonical ids are stored as UTF-8 bytes in one pool, so a stage that reads
/// ids from a mapped file (the gazetteer NER) appends them without creating a
/// `String` per entity; ``canonicalIDs`` decodes them on access.
public struct EntityLayer: Sendable, Equatable {
    public private(set) var firstTokens: [Int32] = []
    public private(set) var endTokens: [Int32] = []
    public private(set) var labels: [EntityLabel] = []
    /// Per entity: where its id starts in ``idPool``, or −1 when it has none; ids are stored back to back.
    private var idStarts: [Int] = []
    private var idEnds: [Int] = []
    private var idPool: [UInt8] = []

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
        precondition(!range.isEmpty, "an entity holds at least one token")
        firstTokens.append(Int32(range.lowerBound))
        endTokens.append(Int32(range.upperBound))
        labels.append(label)
        if let id {
            idStarts.append(idPool.count)
            idPool.append(contentsOf: id)
            idEnds.append(idPool.count)
        } else {
            idStarts.append(-1)
            idEnds.append(-1)
        }
    }

    /// Reserves room for `count` more entities with ids of `idBytes` bytes in all.
    public mutating func reserveCapacity(adding count: Int, idBytes: Int = 0) {
        firstTokens.reserveCapacity(firstTokens.count + count)
        endTokens.reserveCapacity(endTokens.count + count)
        labels.reserveCapacity(labels.count + count)
        idStarts.reserveCapacity(idStarts.count + count)
        idEnds.reserveCapacity(idEnds.count + count)
        idPool.reserveCapacity(idPool.count + idBytes)
    }

    /// Changes the label of entity `index`.
    public mutating func relabel(_ index: Int, as label: EntityLabel) { labels[index] = label }

    public func tokenRange(_ index: Int) -> Range<Int> { Int(firstTokens[index]) ..< Int(endTokens[index]) }

    /// Whether entity `index` has a canonical id.
    public func hasCanonicalID(_ index: Int) -> Bool { idStarts[index] >= 0 }

    /// The UTF-8 bytes of entity `index`'s canonical id (empty when it has none).
    public func canonicalIDBytes(_ index: Int) -> ArraySlice<UInt8> {
        let start = idStarts[index]
        return start < 0 ? [] : idPool[start ..< idEnds[index]]
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
            layer.hasCanonicalID(index) ? String(decoding: layer.canonicalIDBytes(index), as: UTF8.self) : nil
        }
    }
}
