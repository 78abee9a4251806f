/// Per-article information handed to every stage: the cooperative deadline.
public struct StageContext: Sendable {
    /// When the article's analysis must end, or nil for no limit.
    public let deadline: ContinuousClock.Instant?

    /// A context whose article must be done by `deadline` (nil: no limit).
    public init(deadline: ContinuousClock.Instant? = nil) {
        self.deadline = deadline
    }

    /// Throws ``DeadlineExceeded`` when the deadline has passed. Cheap enough to call every few thousand tokens.
    public func checkDeadline() throws(DeadlineExceeded) {
        if let deadline, ContinuousClock.now >= deadline { throw DeadlineExceeded() }
    }
}

/// Thrown by a stage that stopped because its article's deadline passed.
public struct DeadlineExceeded: Error, Sendable, CustomStringConvertible {
    /// The error for an article whose deadline passed.
    public init() {}
    /// The message of the `timeout` error record.
    public var description: String { "the article's time limit passed" }
}
