import CZlib
import Foundation

/// A stream of bytes from a file, a gzip file or stdin, read in large chunks.
public final class ByteSource {
    private enum Backend {
        case descriptor(Int32, closeWhenDone: Bool)
        case gzip(OpaquePointer)
    }

    private let backend: Backend
    /// The name used in messages and default ids.
    public let name: String

    /// Opens `path`; `.gz` files are decompressed on the fly unless `decompress` is false.
    /// - Throws: ``InputError`` with kind `read_failed` when the file cannot be opened.
    public init(path: String, decompress: Bool = true) throws(InputError) {
        name = path
        if decompress, path.hasSuffix(".gz") {
            guard let handle = tp_gzip_open(path) else {
                throw InputError(kind: .readFailed, message: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            backend = .gzip(handle)
        } else {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputError(kind: .readFailed, message: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            backend = .descriptor(descriptor, closeWhenDone: true)
        }
    }

    /// Standard input.
    public init(standardInput: Void = ()) {
        name = "<stdin>"
        backend = .descriptor(STDIN_FILENO, closeWhenDone: false)
    }

    deinit {
        switch backend {
        case .descriptor(let descriptor, let closeWhenDone): if closeWhenDone { close(descriptor) }
        case .gzip(let handle): tp_gzip_close(handle)
        }
    }

    /// Reads up to `buffer.count` bytes. Returns 0 at the end of the stream.
    /// - Throws: ``InputError`` (`read_failed`) on an I/O error, a corrupt gzip stream, or a gzip
    ///   file that ends inside a stream (truncated); the bytes before the fault are returned first.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        switch backend {
        case .descriptor(let descriptor, _):
            while true {
                let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno == EINTR { continue }
                throw InputError(kind: .readFailed, message: "cannot read \(name): \(String(cString: strerror(errno)))")
            }
        case .gzip(let handle):
            let count = tp_gzip_read(handle, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), buffer.count)
            if count == -2 {
                throw InputError(kind: .readFailed, message: "cannot decompress \(name): the archive is truncated (it ends inside a gzip stream)")
            }
            guard count >= 0 else {
                throw InputError(kind: .readFailed, message: "cannot decompress \(name): \(String(cString: tp_gzip_error(handle)))")
            }
            return Int(count)
        }
    }
}
