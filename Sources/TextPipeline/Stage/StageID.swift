/// A versioned stage name such as `ner.gazetteer@1`.
///
/// The version changes whenever a stage's output for the same options would
/// change in meaning, so old pipeline files keep theirs.
///
/// A literal such as `"ner.gazetteer@1"` is a `StageID` too, for declarations; a literal without
/// an `@<positive integer>` suffix stops the program when the declaration is first read.
public struct StageID: Hashable, Sendable, CustomStringConvertible, Comparable, ExpressibleByStringLiteral {
    public let name: String
    public let version: Int

    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    /// Parses `name@version`. Returns nil when the text has no `@<positive integer>` suffix.
    public init?(_ text: String) {
        guard let at = text.lastIndex(of: "@"),
              let version = Int(text[text.index(after: at)...]), version > 0,
              at != text.startIndex
        else { return nil }
        self.init(name: String(text[..<at]), version: version)
    }

    /// The id `value` spells, for declarations.
    /// - Precondition: `value` is `name@version` with a positive integer version.
    public init(stringLiteral value: String) {
        guard let id = StageID(value) else { preconditionFailure("'\(value)' is not a stage id such as 'tokenize.icu@1'") }
        self = id
    }

    public var description: String { "\(name)@\(version)" }

    public static func < (lhs: StageID, rhs: StageID) -> Bool {
        (lhs.name, lhs.version) < (rhs.name, rhs.version)
    }
}

/// A document layer that stages require and provide.
public struct LayerName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let tokens = LayerName("tokens")
    public static let sentences = LayerName("sentences")
    public static let entities = LayerName("entities")
    public static let keywords = LayerName("keywords")
    /// A custom span layer, emitted under `spans.<name>`.
    public static func spans(_ name: String) -> LayerName { LayerName("spans.\(name)") }
    /// A custom document attribute, emitted under `attributes.<name>`.
    public static func attribute(_ name: String) -> LayerName { LayerName("attributes.\(name)") }

    public var description: String { rawValue }
    public static func < (lhs: LayerName, rhs: LayerName) -> Bool { lhs.rawValue < rhs.rawValue }
}
