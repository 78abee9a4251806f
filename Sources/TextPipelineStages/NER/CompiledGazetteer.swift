import Foundation

/// A compiled gazetteer file that cannot be used: names the file and the problem.
public struct GazetteerFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file's path.
    public let path: String
    /// What is wrong with it.
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// A compiled gazetteer (`.tpg`), memory-mapped read-only and shared by all workers.
///
/// Loading parses nothing: it maps the file (asking Linux for huge pages, which it grants
/// where the file's page cache allows) and checks the header, the
/// section table and every section's bounds, element size and count, in
/// O(1). References between sections (node and entry numbers, string
/// offsets) are checked where they are followed, so a corrupted file can give
/// wrong matches but is never read out of bounds, and ids that are not valid
/// UTF-8 are never handed out. ``verify()`` checks the full
/// checksum and every reference. The file is never written while mapped:
/// compilers replace it by renaming a new file over it.
public final class CompiledGazetteer: @unchecked Sendable {
    // Immutable after init; the mapping is read-only.
    /// The mapped file's path.
    public let path: String
    let base: UnsafeRawPointer
    let length: Int
    let entryCount: Int
    let nodeCount: Int
    let vocabularyCount: Int
    let vocabularyBuckets: UnsafeBufferPointer<UInt64>
    let vocabularySpans: UnsafeBufferPointer<UInt32>
    let vocabularyPool: UnsafeBufferPointer<UInt8>
    let edges: UnsafeBufferPointer<UInt32>
    let outputStarts: UnsafeBufferPointer<UInt32>
    let outputs: UnsafeBufferPointer<UInt32>
    let entries: UnsafeBufferPointer<UInt32>
    let strings: UnsafeBufferPointer<UInt8>
    let identifiers: UnsafeBufferPointer<UInt8>
    let continuations: UnsafeBufferPointer<UInt64>
    let edgeFilter: UnsafeBufferPointer<UInt64>
    let vocabularyFilter: UnsafeBufferPointer<UInt64>
    let edgeMask: Int
    let bucketMask: Int
    /// The number of bits in ``edgeFilter`` minus one.
    let edgeFilterMask: Int
    /// The number of words in ``vocabularyFilter`` minus one.
    let vocabularyFilterMask: Int
    /// The checksum stored in the header, as 16 hex digits.
    public let checksumHex: String
    /// The checksum of the sources the file was compiled from.
    public let sourceChecksum: UInt64

    /// Maps and checks `path`.
    /// - Throws: ``GazetteerFileError`` for a missing, truncated or malformed file.
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw GazetteerFileError(path: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw GazetteerFileError(path: path, message: "cannot read its size") }
        let size = Int(status.st_size)
        guard size >= GazetteerFormat.headerSize else {
            throw GazetteerFileError(
                path: path, message: "not a compiled gazetteer: \(size) bytes is shorter than the \(GazetteerFormat.headerSize)-byte header")
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw GazetteerFileError(path: path, message: "cannot map: \(String(cString: strerror(errno)))")
        }
        #if canImport(Glibc)
            // Lookups and walks read a few bytes here and there in tens of megabytes: with 4 KB pages
            // most reads miss the TLB. Huge pages are a hint; the kernel may map the file without them.
            _ = madvise(mapped, size, MADV_HUGEPAGE)
        #endif
        do {
            let layout = try GazetteerLayout(UnsafeRawBufferPointer(start: mapped, count: size), path: path)
            base = UnsafeRawPointer(mapped)
            length = size
            (entryCount, nodeCount, vocabularyCount) = (layout.entryCount, layout.nodeCount, layout.vocabularyCount)
            vocabularyBuckets = layout.buffer(.vocabularyBuckets)
            vocabularySpans = layout.buffer(.vocabularySpans)
            vocabularyPool = layout.buffer(.vocabularyPool)
            edges = layout.buffer(.edges)
            outputStarts = layout.buffer(.outputStarts)
            outputs = layout.buffer(.outputs)
            entries = layout.buffer(.entries)
            strings = layout.buffer(.strings)
            identifiers = layout.buffer(.identifiers)
            continuations = layout.buffer(.continuations)
            edgeFilter = layout.buffer(.edgeFilter)
            edgeFilterMask = edgeFilter.count * 64 - 1
            vocabularyFilter = layout.buffer(.vocabularyFilter)
            vocabularyFilterMask = vocabularyFilter.count - 1
            edgeMask = edges.count / 3 - 1
            bucketMask = vocabularyBuckets.count / 4 - 1
            checksumHex = String(layout.storedChecksum, radix: 16).leftPadded(to: 16)
            sourceChecksum = layout.sourceChecksum
        } catch {
            munmap(mapped, size)
            throw error
        }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// The whole file's bytes.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: length) }

    /// Number of entries, trie nodes and distinct token keys.
    public var statistics: (entries: Int, nodes: Int, vocabulary: Int, bytes: Int) {
        (entryCount, nodeCount, vocabularyCount, length)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
