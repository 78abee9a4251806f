extension ResumeLedger {
    /// Counts the complete records of `path` and the byte offset after the last one.
    ///
    /// - `.lines`: a record is a line ending in `\n`.
    /// - `.markedLines(marker)`: a record runs from one line starting with `marker`
    ///   to the next. Its end cannot be told from a cut inside it, so the last
    ///   record is never counted: it is written again (at most one record of work).
    /// - `.folder`: not resumable; callers refuse before asking.
    static func completeRecords(in path: String, framing: RecordFraming) throws -> (lines: Int, validBytes: Int) {
        switch framing {
        case .lines, .folder:
            return try completeLines(in: path)
        case .markedLines(let marker):
            return try markedRecords(in: path, marker: marker)
        }
    }

    private static func markedRecords(in path: String, marker: [UInt8]) throws -> (lines: Int, validBytes: Int) {
        let source: ByteSource
        do { source = try ByteSource(path: path, decompress: false) } catch { throw OutputError(message: error.message) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var starts = 0
        var lastStart = 0
        var offset = 0
        var lineStart = 0
        var head: [UInt8] = []  // the first bytes of the current line, up to the marker's length
        func endOfHead() {
            if head == marker {
                starts += 1
                lastStart = lineStart
            }
        }
        while true {
            let count: Int
            do { count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) } } catch { throw OutputError(message: "cannot read \(path): \(error)") }
            if count == 0 { break }
            for index in 0 ..< count {
                let byte = buffer[index]
                if head.count < marker.count, offset + index - lineStart == head.count {
                    head.append(byte)
                    if head.count == marker.count { endOfHead() }
                }
                if byte == 0x0A {
                    lineStart = offset + index + 1
                    head.removeAll(keepingCapacity: true)
                }
            }
            offset += count
        }
        return starts == 0 ? (0, 0) : (starts - 1, lastStart)
    }
}
