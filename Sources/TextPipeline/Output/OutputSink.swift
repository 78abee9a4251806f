import Foundation

/// A failure to write output: a full disk, a closed pipe. Stops the run with status 1.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the output.
    public let message: String
    public var description: String { message }

    package init(message: String) { self.message = message }
}

/// Buffered writes to stdout or a file, with errors reported instead of signals.
///
/// The process must ignore SIGPIPE (the CLI does) so that a closed pipe
/// surfaces here as `EPIPE`.
public final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var pending: [UInt8] = []
    private let flushThreshold: Int
    private let clock = ContinuousClock()
    private var lastFlush = ContinuousClock.now
    /// Called before queued bytes are written (a resume checkpoint goes first).
    public var beforeFlush: (() throws(OutputError) -> Void)?

    /// Standard output.
    public init(flushThreshold: Int = 1 << 16) {
        descriptor = STDOUT_FILENO
        ownsDescriptor = false
        name = "standard output"
        self.flushThreshold = flushThreshold
    }

    /// Creates or truncates `path` (or appends when `append` is true).
    /// - Throws: ``OutputError`` when the file cannot be opened.
    public init(path: String, append: Bool = false, flushThreshold: Int = 1 << 16) throws(OutputError) {
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        let opened = open(path, flags, 0o644)
        guard opened >= 0 else { throw OutputError(message: "cannot open \(path) for writing: \(String(cString: strerror(errno)))") }
        descriptor = opened
        ownsDescriptor = true
        name = path
        self.flushThreshold = flushThreshold
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Queues `bytes`, writing when the buffer passes the threshold.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        pending.append(contentsOf: bytes)
        if pending.count >= flushThreshold { try flush() }
    }

    /// Writes what is queued if a second has passed since the last write,
    /// so a file being resumed or tailed stays close to the run's progress.
    public func flushIfDue() throws(OutputError) {
        guard !pending.isEmpty, clock.now - lastFlush >= .seconds(1) else { return }
        try flush()
    }

    /// Writes everything queued.
    public func flush() throws(OutputError) {
        if !pending.isEmpty, let beforeFlush { try beforeFlush() }
        if let failure = FileDescriptorWrites.writeAll(descriptor, pending) {
            let reason = failure == EPIPE ? "the reader closed the pipe" : FileDescriptorWrites.reason(failure)
            pending.removeAll()
            throw OutputError(message: "cannot write to \(name): \(reason)")
        }
        pending.removeAll(keepingCapacity: true)
        lastFlush = clock.now
    }
}
