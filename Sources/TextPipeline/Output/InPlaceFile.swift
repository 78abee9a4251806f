import Foundation

/// Writes small files that a run produces beside its output (the metrics
/// summary, the resume sidecar) in place.
///
/// The path is opened and truncated, never replaced by renaming a temporary
/// file over it: a symlink keeps pointing where it pointed and its target gets
/// the bytes; a device or a pipe receives them as writes (so `/dev/full` fails
/// with "No space left on device" instead of being replaced by a regular file).
/// The price is that a crash mid-write can leave a partial file, which for a
/// summary or a sidecar (rewritten by every run) is harmless.
public enum InPlaceFile {
    /// Creates `path` or truncates what it leads to, then writes `bytes` to it.
    /// - Throws: ``OutputError`` naming `path` and the system's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        if let failure = FileDescriptorWrites.writeAll(descriptor, bytes) {
            close(descriptor)
            throw OutputError(message: "cannot write \(path): \(FileDescriptorWrites.reason(failure))")
        }
        guard close(descriptor) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> OutputError {
        OutputError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
