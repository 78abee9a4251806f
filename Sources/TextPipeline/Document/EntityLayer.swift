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
public struct EntityLayer: Sendable, Equatable {
    public private(set) var firstTokens: [Int32] = []
    public private(set) var endTokens: [Int32] = []
    public private(set) var labels: [EntityLabel] = []
    public private(set) var canonicalIDs: [String?] = []

    public init() {}

    public var count: Int { firstTokens.count }
    public var isEmpty: Bool { firstTokens.isEmpty }

    public mutating func append(tokens range: Range<Int>, label: EntityLabel, canonicalID: String?) {
        precondition(!range.isEmpty, "an entity holds at least one token")
        firstTokens.append(Int32(range.lowerBound))
        endTokens.append(Int32(range.upperBound))
        labels.append(label)
        canonicalIDs.append(canonicalID)
    }

    /// Changes the label of entity `index`.
    public mutating func relabel(_ index: Int, as label: EntityLabel) { labels[index] = label }

    public func tokenRange(_ index: Int) -> Range<Int> { Int(firstTokens[index]) ..< Int(endTokens[index]) }
}
