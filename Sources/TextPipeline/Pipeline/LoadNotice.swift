/// Messages for the user about slow work while a pipeline loads, such as a
/// gazetteer being compiled into the cache on a first run.
///
/// Stages post them; a program decides where they go by binding a receiver to
/// ``current`` for the duration of a load (`textpipe` writes them to stderr).
/// With no receiver bound, posting does nothing: a library stays silent.
///
/// ```swift
/// let pipeline = try LoadNotice.$current.withValue(LoadNotice { print($0) }) {
///     try Pipeline.load(file: path, registry: registry)
/// }
/// ```
public final class LoadNotice: Sendable {
    /// The receiver bound on this task or thread, if any. (A class, not a closure:
    /// a task-local of optional function type crashed `swift_task_localValuePush`
    /// in release builds with Swift 6.3.)
    @TaskLocal public static var current: LoadNotice?

    private let receive: @Sendable (String) -> Void

    /// A receiver calling `receive` with each message (one line, no trailing newline).
    public init(_ receive: @escaping @Sendable (String) -> Void) {
        self.receive = receive
    }

    /// Sends `message` to the receiver bound to ``current``, if any.
    public static func post(_ message: String) {
        current?.receive(message)
    }
}
