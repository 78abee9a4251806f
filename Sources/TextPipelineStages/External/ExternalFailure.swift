import TextPipeline

/// Why an external stage could not analyse one article.
enum ExternalFailure: Error, Equatable, CustomStringConvertible {
    /// The process could not be started, or failed the handshake.
    case startFailed(String)
    /// The handshake named another stage: the pipeline runs the wrong program, which no restart mends.
    case misnamed(String)
    /// Too many processes in a row failed before serving an article: the worker gave up on the stage.
    case gaveUp(String)
    /// No complete reply before the article's time limit.
    case timeout(seconds: Double)
    /// The process closed its output or died; the text says how it ended.
    case exited(String)
    /// A line that is not a valid reply, or a reply that does not fit the request.
    case badReply(String)
    /// The stage answered `{"type":"error"}` for this article.
    case reportedError(String)

    var description: String {
        switch self {
        case .startFailed(let message), .misnamed(let message): "could not start: \(message)"
        case .gaveUp(let message): message
        case .timeout(let seconds): "no reply within \(Self.format(seconds)) s; the process was stopped and restarts with the next article"
        case .exited(let how): "the process \(how) before replying; it restarts with the next article"
        case .badReply(let message): "invalid reply (\(message)); the process was stopped and restarts with the next article"
        case .reportedError(let message): message
        }
    }

    /// Whether the process must be replaced before the next article.
    var needsRestart: Bool {
        switch self {
        case .reportedError, .gaveUp: false
        default: true
        }
    }

    /// The error record this failure becomes.
    func stageError(stage: String) -> StageError {
        if case .timeout = self { return StageError(kind: .timeout, "external stage '\(stage)': \(description)") }
        return StageError(kind: .stageFailed, "external stage '\(stage)': \(description)")
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
