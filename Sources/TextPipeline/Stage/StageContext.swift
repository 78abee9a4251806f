/// Per-article information handed to every stage: the cooperative deadline.
public struct StageContext: Sendable {
    /// When the article's analysis must end, or nil for no limit.
    public let deadline: ContinuousClock.Instant?

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
    public init() {}
    public var description: String { "the article's time limit passed" }
}
