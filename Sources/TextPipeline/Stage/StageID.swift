/// A versioned stage name such as `ner.gazetteer@1`.
///
/// The version changes whenever a stage's output for the same options would
/// change in meaning, so old pipeline files keep theirs.
///
/// A literal such as `"ner.gazetteer@1"` is a `StageID` too, for declarations; a literal without
/// an `@<positive integer>` suffix stops the program when the declaration is first read.
public struct StageID: Hashable, Sendable, CustomStringConvertible, Comparable, ExpressibleByStringLiteral {
    /// The name without the version, such as `ner.gazetteer`.
    public let name: String
    /// The version, 1 or more.
    public let version: Int

    /// The id `name@version`.
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

    /// `name@version`.
    public var description: String { "\(name)@\(version)" }

    /// By name, then by version.
    public static func < (lhs: StageID, rhs: StageID) -> Bool {
        (lhs.name, lhs.version) < (rhs.name, rhs.version)
    }
}

/// A document layer that stages require and provide.
public struct LayerName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as `textpipe check` prints it and output keys it (`tokens`, `spans.dates`).
    public let rawValue: String
    /// A layer by its raw name; prefer the constants and ``spans(_:)`` / ``attribute(_:)``.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// ``Document/tokens``.
    public static let tokens = LayerName("tokens")
    /// ``Document/sentences``.
    public static let sentences = LayerName("sentences")
    /// ``Document/entities``.
    public static let entities = LayerName("entities")
    /// ``Document/keywords``.
    public static let keywords = LayerName("keywords")
    /// A custom span layer, emitted under `spans.<name>`.
    public static func spans(_ name: String) -> LayerName { LayerName("spans.\(name)") }
    /// A custom document attribute, emitted under `attributes.<name>`.
    public static func attribute(_ name: String) -> LayerName { LayerName("attributes.\(name)") }

    /// The raw name.
    public var description: String { rawValue }
    /// By raw name.
    public static func < (lhs: LayerName, rhs: LayerName) -> Bool { lhs.rawValue < rhs.rawValue }
}
