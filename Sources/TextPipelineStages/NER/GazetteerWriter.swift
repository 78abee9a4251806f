import Foundation

/// Lays out a compiled gazetteer (header, section table, aligned sections) and writes it atomically.
struct GazetteerWriter {
    private var sections: [(kind: GazetteerFormat.Section, bytes: [UInt8])] = []
    private let counts: [UInt32]
    private let sourceChecksum: UInt64

    init(counts: [UInt32], sourceChecksum: UInt64) {
        self.counts = counts
        self.sourceChecksum = sourceChecksum
    }

    mutating func add<T: FixedWidthInteger>(_ kind: GazetteerFormat.Section, _ values: [T]) {
        let bytes = values.withUnsafeBytes { Array($0) }
        sections.append((kind, bytes))
    }

    /// The file with a zero checksum; call ``sealChecksum(_:)`` next.
    func finish() -> [UInt8] {
        let tableEnd = GazetteerFormat.headerSize + sections.count * GazetteerFormat.sectionRecordSize
        var offsets: [Int] = []
        var position = Self.aligned(tableEnd)
        for section in sections {
            offsets.append(position)
            position = Self.aligned(position + section.bytes.count)
        }
        var file = [UInt8](repeating: 0, count: position)
        file.replaceSubrange(0 ..< 8, with: GazetteerFormat.magic)
        Self.put(GazetteerFormat.version, at: 8, in: &file)
        Self.put(UInt32(sections.count), at: 12, in: &file)
        Self.put(UInt64(file.count), at: 16, in: &file)
        for (index, count) in counts.prefix(4).enumerated() { Self.put(count, at: 32 + index * 4, in: &file) }
        Self.put(sourceChecksum, at: 48, in: &file)
        for (index, section) in sections.enumerated() {
            let record = GazetteerFormat.headerSize + index * GazetteerFormat.sectionRecordSize
            Self.put(section.kind.rawValue, at: record, in: &file)
            Self.put(UInt32(section.kind.elementSize), at: record + 4, in: &file)
            Self.put(UInt64(offsets[index]), at: record + 8, in: &file)
            Self.put(UInt64(section.bytes.count), at: record + 16, in: &file)
            file.replaceSubrange(offsets[index] ..< offsets[index] + section.bytes.count, with: section.bytes)
        }
        return file
    }

    /// Computes and stores the checksum of a finished file.
    static func sealChecksum(_ file: inout [UInt8]) {
        let sum = file.withUnsafeBytes { GazetteerFormat.checksum(UnsafeRawBufferPointer(rebasing: $0[GazetteerFormat.checksummedFrom...])) }
        put(sum, at: 24, in: &file)
    }

    static func aligned(_ offset: Int) -> Int { (offset + 7) & ~7 }

    static func put<T: FixedWidthInteger>(_ value: T, at offset: Int, in file: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { file.replaceSubrange(offset ..< offset + $0.count, with: $0) }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then renamed
    /// over `path`. A process that mapped the old file keeps seeing the old contents.
    /// - Throws: a message naming the path on any I/O failure.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw GazetteerFileError(path: path, message: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GazetteerFileError(path: path, message: "cannot write: \(reason)")
        }
    }
}
