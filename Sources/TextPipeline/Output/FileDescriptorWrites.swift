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

    /// The system's text for `code`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
