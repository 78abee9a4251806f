/// The checked header and section table of a mapped compiled gazetteer.
struct GazetteerLayout {
    let raw: UnsafeRawBufferPointer
    let entryCount: Int
    let nodeCount: Int
    let vocabularyCount: Int
    let storedChecksum: UInt64
    let sourceChecksum: UInt64
    private var ranges: [GazetteerFormat.Section: Range<Int>] = [:]

    /// Checks magic, version, length, the section table, every section's bounds and element counts.
    init(_ raw: UnsafeRawBufferPointer, path: String) throws {
        func fail(_ message: String) -> GazetteerFileError { GazetteerFileError(path: path, message: message) }
        self.raw = raw
        guard Array(raw[0 ..< 8]) == GazetteerFormat.magic else { throw fail("not a compiled gazetteer (bad magic number)") }
        let version: UInt32 = Self.read(raw, 8)
        guard version == GazetteerFormat.version else {
            throw fail("format version \(version) is not supported (this build reads version \(GazetteerFormat.version)); recompile it")
        }
        let declaredLength: UInt64 = Self.read(raw, 16)
        guard declaredLength == UInt64(raw.count) else {
            throw fail("truncated or extended: the header says \(declaredLength) bytes, the file has \(raw.count)")
        }
        let sectionCount = Int(Self.read(raw, 12) as UInt32)
        guard sectionCount == GazetteerFormat.Section.allCases.count else {
            throw fail("corrupted: \(sectionCount) sections, expected \(GazetteerFormat.Section.allCases.count)")
        }
        let tableEnd = GazetteerFormat.headerSize + sectionCount * GazetteerFormat.sectionRecordSize
        guard tableEnd <= raw.count else { throw fail("truncated section table") }
        entryCount = Int(Self.read(raw, 32) as UInt32)
        nodeCount = Int(Self.read(raw, 36) as UInt32)
        vocabularyCount = Int(Self.read(raw, 40) as UInt32)
        storedChecksum = Self.read(raw, 24)
        sourceChecksum = Self.read(raw, 48)
        for index in 0 ..< sectionCount {
            let record = GazetteerFormat.headerSize + index * GazetteerFormat.sectionRecordSize
            guard let kind = GazetteerFormat.Section(rawValue: Self.read(raw, record)), ranges[kind] == nil else {
                throw fail("corrupted section table (record \(index) has an unknown or repeated kind)")
            }
            let elementSize = Int(Self.read(raw, record + 4) as UInt32)
            let offset: UInt64 = Self.read(raw, record + 8), size: UInt64 = Self.read(raw, record + 16)
            guard elementSize == kind.elementSize, offset % 8 == 0, offset >= UInt64(tableEnd),
                offset <= UInt64(raw.count), size <= UInt64(raw.count) - offset, size % UInt64(elementSize) == 0
            else { throw fail("corrupted section table: section \(kind) lies outside the file or is misaligned") }
            ranges[kind] = Int(offset) ..< Int(offset + size)
        }
        try checkCounts(fail)
    }

    private func checkCounts(_ fail: (String) -> GazetteerFileError) throws {
        func elements(_ kind: GazetteerFormat.Section) -> Int { (ranges[kind]?.count ?? 0) / kind.elementSize }
        let buckets = elements(.vocabularyBuckets) / 4, slots = elements(.edges) / 3, filterWords = elements(.edgeFilter)
        let vocabularyWords = elements(.vocabularyFilter)
        guard buckets > 0, buckets & (buckets - 1) == 0, buckets >= vocabularyCount, elements(.vocabularyBuckets) == buckets * 4,
            elements(.vocabularySpans) == vocabularyCount * 2,
            slots > 0, slots & (slots - 1) == 0, elements(.edges) == slots * 3, slots >= nodeCount - 1,
            nodeCount >= 1, elements(.outputStarts) == nodeCount + 1,
            elements(.entries) == entryCount * 4,
            elements(.continuations) == (vocabularyCount + 63) / 64, nodeCount < Int(GazetteerFormat.nodeMask),
            filterWords > 0, filterWords & (filterWords - 1) == 0, vocabularyWords > 0, vocabularyWords & (vocabularyWords - 1) == 0
        else { throw fail("corrupted: section sizes do not agree with the header's counts") }
    }

    func buffer<T>(_ kind: GazetteerFormat.Section) -> UnsafeBufferPointer<T> {
        let range = ranges[kind] ?? 0 ..< 0
        let start = raw.baseAddress! + range.lowerBound
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: range.count / MemoryLayout<T>.stride)
    }

    static func read<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
