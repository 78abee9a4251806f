import Foundation

/// An exclusive lock on a run's output file, held for the whole run, so two
/// runs never write one file at once (their lines would interleave, and two
/// resumes would each append the same records).
///
/// The lock is `flock` on the output file itself: advisory, released by the
/// system when the process ends, however it ends. Only regular files (or a
/// path that does not exist yet) are locked; devices and pipes such as
/// `/dev/null` are shared by design.
public final class OutputLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }  // releases the lock

    /// Locks `path`, creating it empty if it does not exist (its content is left as it is).
    /// - Returns: the held lock, or nil when `path` is not a regular file.
    /// - Throws: ``OutputBusy`` when another process holds the lock, ``OutputError`` when the file cannot be opened.
    public static func acquire(path: String) throws -> OutputLock? {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(message: "cannot open \(path) for writing: \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        repeat {
            failure = flock(descriptor, LOCK_EX | LOCK_NB) == 0 ? 0 : errno
        } while failure == EINTR
        guard failure == 0 else {
            close(descriptor)
            if failure == EWOULDBLOCK {
                throw OutputBusy(message: "another textpipe run is writing \(path); wait for it to end or choose another --output")
            }
            throw OutputError(message: "cannot lock \(path): \(String(cString: strerror(failure)))")
        }
        return OutputLock(descriptor: descriptor)
    }
}

/// The output is locked by another run. A usage error (status 2), found before anything is written.
public struct OutputBusy: Error, Sendable, CustomStringConvertible {
    /// Which output is locked, and what to do.
    public let message: String
    public var description: String { message }
}
