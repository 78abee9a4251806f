/// Messages for the user about slow work while a pipeline loads, such as a
/// gazetteer being compiled into the cache on a first run.
///
/// Stages post them; a program decides where they go by binding ``handler``
/// for the duration of a load (`textpipe` writes them to stderr). With no
/// handler bound, posting does nothing: a library stays silent.
///
/// ```swift
/// let pipeline = try LoadNotice.$handler.withValue({ print($0) }) {
///     try Pipeline.load(file: path, registry: registry)
/// }
/// ```
public enum LoadNotice {
    /// Receives the notices posted on this task or thread, if any.
    @TaskLocal public static var handler: (@Sendable (String) -> Void)?

    /// Sends `message` (one line, no trailing newline) to the bound handler.
    public static func post(_ message: String) {
        handler?(message)
    }
}
