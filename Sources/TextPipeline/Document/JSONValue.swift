/// A JSON value, for document attributes written by stages.
public enum JSONValue: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number: whole numbers below 10^15 are written as integers, others in the shortest
    /// form that reads back as the same `Double`; infinities and NaN are written as `null`.
    case number(Double)
    /// A string; escaped when written.
    case string(String)
    /// An array of values, in order.
    case array([JSONValue])
    /// An object; written with its keys sorted, so output is deterministic.
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
