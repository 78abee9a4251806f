import TextPipeline

extension ResumeLedger {
    /// Counts the complete records of `path`.
    ///
    /// - `.lines`: a record is a line ending in `\n`.
    /// - `.markedLines(marker)`: a record runs from one line starting with `marker`
    ///   to the next. Its end cannot be told from a cut inside it, so the last
    ///   record is never counted: it is written again (at most one record of work).
    /// - `.folder`: not resumable; callers refuse before asking.
    static func completeRecords(in path: String, framing: RecordFraming) throws -> Int {
        switch framing {
        case .lines, .folder:
            return try completeLines(in: path)
        case .markedLines(let marker):
            return max(0, try markerLineStarts(in: path, marker: marker, limit: .max).count - 1)
        }
    }

    /// The byte offset just after the first `record` records of `path` (0 for none):
    /// for `.markedLines`, where the record after them starts.
    static func offset(afterRecord record: Int, in path: String, framing: RecordFraming) throws -> Int {
        switch framing {
        case .lines, .folder:
            return try offset(afterLine: record, in: path)
        case .markedLines(let marker):
            guard record > 0 else { return 0 }
            let starts = try markerLineStarts(in: path, marker: marker, limit: record + 1)
            return record < starts.count ? starts[record] : 0
        }
    }

    /// The offsets of the first `limit` lines of `path` that start with `marker`.
    private static func markerLineStarts(in path: String, marker: [UInt8], limit: Int) throws -> [Int] {
        let source: ByteSource
        do { source = try ByteSource(path: path, decompress: false) } catch { throw OutputError(message: error.message) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var starts: [Int] = []
        var offset = 0
        var lineStart = 0
        var head: [UInt8] = []  // the first bytes of the current line, up to the marker's length
        while starts.count < limit {
            let count: Int
            do { count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) } } catch { throw OutputError(message: "cannot read \(path): \(error)") }
            if count == 0 { break }
            for index in 0 ..< count {
                let byte = buffer[index]
                if head.count < marker.count, offset + index - lineStart == head.count {
                    head.append(byte)
                    if head.count == marker.count, head == marker { starts.append(lineStart) }
                }
                if byte == 0x0A {
                    lineStart = offset + index + 1
                    head.removeAll(keepingCapacity: true)
                }
            }
            offset += count
        }
        return Array(starts.prefix(limit))
    }
}
