import Foundation
import TextPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only table of document frequencies, memory-mapped from a file that
/// `textpipe df build` wrote. Loaded once per process and shared by all workers.
///
/// File format (little-endian), version 1:
///
///     offset  size     field
///     0       4        magic "TPDF"
///     4       4        version (1)
///     8       8        documents counted (N)
///     16      8        entries (E)
///     24      8 × E    term hashes (``TermFolding``), strictly increasing
///     24+8E   4 × E    document frequencies, same order
///
/// A term absent from the table has document frequency 0.
public final class DocumentFrequencyTable: @unchecked Sendable {
    // Immutable after init: the mapping is read-only and never changes.
    /// The number of documents the table was counted over.
    public let documents: Int
    /// The number of terms in the table.
    public let count: Int
    /// FNV-1a 64 of the whole file, in hex.
    public let checksum: String
    private let mapping: UnsafeMutableRawPointer?
    private let mappedSize: Int
    private let hashes: UnsafePointer<UInt64>?
    private let frequencies: UnsafePointer<UInt32>?

    static let magic: [UInt8] = Array("TPDF".utf8)
    static let version: UInt32 = 1
    static let headerSize = 24

    /// Maps `path` and checks its header, size and order.
    /// - Throws: ``DocumentFrequencyError`` for an unreadable, truncated or corrupt file.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DocumentFrequencyError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DocumentFrequencyError("cannot read \(path)") }
        let size = Int(status.st_size)
        guard size >= Self.headerSize else { throw DocumentFrequencyError("\(path) is not a document-frequency file (too short)") }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
            throw DocumentFrequencyError("cannot map \(path)")
        }
        do {
            let header = try Self.checkHeader(UnsafeRawBufferPointer(start: pointer, count: size), path: path)
            documents = header.documents
            count = header.entries
        } catch {
            munmap(pointer, size)
            throw error
        }
        mapping = pointer
        mappedSize = size
        hashes = UnsafePointer(pointer.advanced(by: Self.headerSize).assumingMemoryBound(to: UInt64.self))
        frequencies = UnsafePointer(pointer.advanced(by: Self.headerSize + 8 * count).assumingMemoryBound(to: UInt32.self))
        checksum = fnv1a64(UnsafeRawBufferPointer(start: pointer, count: size))
        for index in 1 ..< max(1, count) where hashes![index - 1] >= hashes![index] {
            munmap(pointer, size)
            throw DocumentFrequencyError("\(path) is corrupt: term hashes out of order at entry \(index)")
        }
    }

    deinit {
        if let mapping { munmap(mapping, mappedSize) }
    }

    private static func checkHeader(_ bytes: UnsafeRawBufferPointer, path: String) throws -> (documents: Int, entries: Int) {
        guard Array(bytes[0 ..< 4]) == magic else { throw DocumentFrequencyError("\(path) is not a document-frequency file (bad magic)") }
        let version = bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        guard version == Self.version else { throw DocumentFrequencyError("\(path) has format version \(version); this build reads version \(Self.version)") }
        let documents = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
        let entries = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
        guard entries <= UInt64(bytes.count), headerSize + 12 * Int(entries) == bytes.count, documents < UInt64(Int32.max) else {
            throw DocumentFrequencyError("\(path) is truncated or corrupt: \(entries) entries do not fit \(bytes.count) bytes")
        }
        return (Int(documents), Int(entries))
    }

    /// The document frequency of the term with hash `hash`, 0 when absent.
    /// - Complexity: O(log n).
    public func frequency(hash: UInt64) -> Int {
        guard let hashes, let frequencies, count > 0 else { return 0 }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < count && hashes[low] == hash ? Int(frequencies[low]) : 0
    }

    /// The document frequency of `word` (folded first).
    public func frequency(of word: String) -> Int { frequency(hash: TermFolding.hash(of: word)) }

    /// Writes a table file atomically (a temporary file renamed over `path`).
    /// - Parameters:
    ///   - documents: the number of documents counted.
    ///   - counts: document frequency by term hash.
    ///   - path: the table file to write.
    /// - Throws: ``DocumentFrequencyError`` when the file cannot be written.
    public static func write(documents: Int, counts: [UInt64: UInt32], to path: String) throws {
        let keys = counts.keys.sorted()
        var data = Data(capacity: headerSize + 12 * keys.count)
        data.append(contentsOf: magic)
        withUnsafeBytes(of: version.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(documents).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(keys.count).littleEndian) { data.append(contentsOf: $0) }
        for key in keys { withUnsafeBytes(of: key.littleEndian) { data.append(contentsOf: $0) } }
        for key in keys { withUnsafeBytes(of: counts[key, default: 0].littleEndian) { data.append(contentsOf: $0) } }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DocumentFrequencyError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Why a document-frequency file could not be read or written.
public struct DocumentFrequencyError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the file.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
