/// What a stage throws when it cannot analyse one article: the error-record kind and a message.
///
/// Thrown *by a stage*, which does not know its place in the pipeline; the ``PipelineWorker``
/// catches it and throws a ``PipelineError`` that adds the stage's id.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// The `error.kind` of the record.
    public let kind: ErrorKind
    /// The `error.message` of the record.
    public let message: String
    /// An error for one article, of `kind` (`stage_failed` unless said otherwise).
    public init(kind: ErrorKind = .stageFailed, _ message: String) {
        self.kind = kind
        self.message = message
    }
    /// The message.
    public var description: String { message }
}
