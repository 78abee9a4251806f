import Foundation

/// The one write loop of every writer (output sink, folder files, in-place
/// files, the resume journal): the whole buffer or an error.
enum FileDescriptorWrites {
    /// Writes every byte of `bytes` to `descriptor`, retrying after `EINTR`
    /// and continuing after short writes.
    /// - Returns: nil when every byte was written, else the `errno` of the
    ///   write that failed (`EIO` for a write that wrote nothing and set no error).
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }

    /// Writes every byte of `bytes`, as the raw-buffer form does; contiguous bytes are not copied.
    static func writeAll(_ descriptor: Int32, _ bytes: some Collection<UInt8>) -> Int32? {
        if let result = bytes.withContiguousStorageIfAvailable({ writeAll(descriptor, UnsafeRawBufferPointer($0)) }) { return result }
        return Array(bytes).withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Writes every byte of `parts`, in order, with `writev` (at most ``maxParts``
    /// arrays per call), continuing after short writes; the arrays are not copied.
    /// - Returns: nil when every byte was written, else the `errno` of the write that failed.
    static func writeAll(_ descriptor: Int32, parts: [[UInt8]]) -> Int32? {
        var index = 0
        while index < parts.count {
            let batch = parts[index ..< min(parts.count, index + maxParts)]
            if let failure = writeBatch(descriptor, batch) { return failure }
            index = batch.endIndex
        }
        return nil
    }

    /// Arrays per `writev` call at most (`IOV_MAX` on Linux).
    static let maxParts = 1024

    /// One batch of ``writeAll(_:parts:)``: a `writev`, then single writes for what a short write left.
    ///
    /// The vectors point into the arrays' storage outside `withUnsafeBytes`: the arrays are
    /// held by `batch` and not mutated for the call, so their storage neither moves nor is freed.
    private static func writeBatch(_ descriptor: Int32, _ batch: ArraySlice<[UInt8]>) -> Int32? {
        let vectors = batch.map { part in
            part.withUnsafeBytes { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
        }
        let total = vectors.reduce(0) { $0 + $1.iov_len }
        var written = 0
        while true {
            written = vectors.withUnsafeBufferPointer { Foundation.writev(descriptor, $0.baseAddress, Int32($0.count)) }
            if written >= 0 || errno != EINTR { break }
        }
        if written < 0 { return errno }
        if written == total { return nil }
        if written == 0 { return EIO }
        // A short write: finish part by part from where it stopped.
        var skip = written
        for part in batch {
            if skip >= part.count {
                skip -= part.count
                continue
            }
            let failure = part.withUnsafeBytes { writeAll(descriptor, UnsafeRawBufferPointer(rebasing: $0[skip...])) }
            if let failure { return failure }
            skip = 0
        }
        return nil
    }

    /// The system's text for `code`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
