/// A JSON value, for document attributes written by stages.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// An article id, echoed in output with its JSON type.
public enum ArticleID: Sendable, Hashable, CustomStringConvertible {
    /// A string id (or one derived as `"<source>:<line>"`).
    case string(String)
    /// A numeric id, kept as its JSON literal so it is echoed exactly.
    case number(String)

    public var description: String {
        switch self {
        case .string(let value): value
        case .number(let literal): literal
        }
    }
}
