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
/// Queued byte arrays are kept as they are, not copied into one buffer, and
/// written together with `writev` once they hold the flush threshold's bytes.
///
/// The process must ignore SIGPIPE (the CLI does) so that a closed pipe
/// surfaces here as `EPIPE`.
public final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    /// Arrays queued, in order, and their bytes in all.
    private var pending: [[UInt8]] = []
    private var pendingBytes = 0
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

    /// Creates or truncates `path` (or appends when `append` is true); a truncated
    /// file is opened so that closing it does not wait for a disk flush (see `TruncatingOpen`).
    /// - Throws: ``OutputError`` when the file cannot be opened.
    public init(path: String, append: Bool = false, flushThreshold: Int = 1 << 16) throws(OutputError) {
        let opened = append ? open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644) : TruncatingOpen.open(path)
        guard opened >= 0 else { throw OutputError(message: "cannot open \(path) for writing: \(String(cString: strerror(errno)))") }
        descriptor = opened
        ownsDescriptor = true
        name = path
        self.flushThreshold = flushThreshold
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Queues `bytes` (the array, not a copy), writing when the queue passes the threshold.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        guard !bytes.isEmpty else { return }
        pending.append(bytes)
        pendingBytes += bytes.count
        if pendingBytes >= flushThreshold { try flush() }
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
        if let failure = FileDescriptorWrites.writeAll(descriptor, parts: pending) {
            let reason = failure == EPIPE ? "the reader closed the pipe" : FileDescriptorWrites.reason(failure)
            pending.removeAll()
            pendingBytes = 0
            throw OutputError(message: "cannot write to \(name): \(reason)")
        }
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        lastFlush = clock.now
    }
}
