import Foundation

/// Collects every path a pipeline file names while it loads, so a tool can
/// ship those files with the pipeline (`textpipe bundle`).
///
/// ``StageOptions/resolve(_:)`` reports each path it resolves to the recorder
/// bound to ``current`` for the duration of a load; no recorder is bound
/// otherwise, and then recording costs one task-local read per path.
///
/// ```swift
/// let recorder = PathRecorder()
/// let pipeline = try PathRecorder.$current.withValue(recorder) {
///     try Pipeline.load(file: path, registry: registry)
/// }
/// for reference in recorder.references { ... }
/// ```
public final class PathRecorder: @unchecked Sendable {
    /// One path as the pipeline file wrote it.
    public struct Reference: Sendable, Hashable {
        /// The key path of the options mapping that holds it, such as `stages[2].with`
        /// or `stages[1].with.abbreviations`.
        public let keyPath: String
        /// The string as written in the file.
        public let written: String
        /// The absolute path it resolves to.
        public let resolved: String
    }

    /// The recorder of the load running on this task or thread, if any.
    @TaskLocal public static var current: PathRecorder?

    private let lock = NSLock()
    private var stored: [Reference] = []

    /// A recorder with no paths yet; bind it to ``current`` around a load.
    public init() {}

    /// The paths recorded so far, in the order they were resolved, without repeats.
    public var references: [Reference] {
        lock.withLock {
            var seen = Set<Reference>()
            return stored.filter { seen.insert($0).inserted }
        }
    }

    func record(keyPath: String, written: String, resolved: String) {
        lock.withLock { stored.append(Reference(keyPath: keyPath, written: written, resolved: resolved)) }
    }
}
