import Foundation

/// Opens an output file for writing from empty, without the flush ext4 adds
/// when such a file is closed.
///
/// ext4 marks a file truncated to zero bytes ("auto_da_alloc", a guard for
/// programs that rewrite small files without `fsync`) and, when the file is
/// next closed, starts writing all its dirty pages to disk inside that
/// `close`. For a run's output (tens of megabytes) this made the final close
/// take 15 to 20 ms, added to every run's wall time. The mark is cleared by
/// the first close after the truncation, so the file is truncated through
/// one descriptor, reopened through `/proc/self/fd` (the same file, even if
/// the path changed meanwhile), and the first descriptor closed while the
/// file is still empty. The data reaches the disk by ordinary write-back.
enum TruncatingOpen {
    /// Creates `path` or truncates what it leads to, and returns a descriptor
    /// open for writing (`O_WRONLY | O_CLOEXEC`), or -1 with `errno` set.
    ///
    /// When `/proc` cannot reopen the file, the first descriptor is returned:
    /// the same file, only with ext4's flush at its close.
    static func open(_ path: String, mode: mode_t = 0o644) -> Int32 {
        let truncated = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard truncated >= 0 else { return truncated }
        var info = stat()
        // Only a regular file has the mark; a device or a pipe is written as it is.
        guard fstat(truncated, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return truncated }
        let reopened = Foundation.open("/proc/self/fd/\(truncated)", O_WRONLY | O_CLOEXEC)
        guard reopened >= 0 else { return truncated }
        close(truncated)
        return reopened
    }
}
