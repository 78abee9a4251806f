/// Streams input records from a list of files, one record at a time.
///
/// JSON-lines files yield one record per non-blank line (blank lines are
/// skipped and counted); text files yield one record each. Every record is
/// either an ``Article`` or the ``InputError`` that replaced it.
public struct ArticleReader {
    private let files: [InputFile]
    private var fileIndex = 0
    private var lines: LineReader?
    private var current: InputFile?

    /// Blank lines skipped so far.
    public private(set) var blankLines = 0
    /// Bytes of input read so far (after decompression, excluding line terminators).
    public private(set) var bytesRead = 0

    public init(files: [InputFile]) {
        self.files = files
    }

    /// The next record, parsed, or nil after the last file.
    /// - Throws: ``InputError`` (`read_failed`) when a file cannot be opened or read; the run should stop.
    public mutating func next() throws -> InputRecord? {
        try nextRaw()?.parse()
    }

    /// The next record before JSON parsing, or nil after the last file.
    /// - Throws: ``InputError`` (`read_failed`) when a file cannot be opened or read; the run should stop.
    public mutating func nextRaw() throws -> RawRecord? {
        while true {
            if var reader = lines, let file = current {
                var record: RawRecord?
                let lineNumber = reader.lineNumber + 1
                let source = displayName(file)
                var lineBytes = 0
                let more = try reader.nextLine { line in
                    lineBytes = line.count
                    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        record = .jsonLine(bytes: Array(line), source: source, line: lineNumber)
                    }
                }
                lines = reader
                bytesRead += lineBytes
                if !more {
                    lines = nil
                    current = nil
                    continue
                }
                guard let record else {
                    blankLines += 1
                    continue
                }
                return record
            }
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            let source = file.isStandardInput ? ByteSource() : try ByteSource(path: file.path)
            if file.format == .text { return .parsed(try readWholeText(source, file: file)) }
            lines = LineReader(source: source)
            current = file
        }
    }

    private func displayName(_ file: InputFile) -> String { file.isStandardInput ? "<stdin>" : file.path }

    private mutating func readWholeText(_ source: ByteSource, file: InputFile) throws -> InputRecord {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< count])
        }
        bytesRead += bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let name = displayName(file)
        let id = ArticleID.string(name)
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) {
            return .failure(id: id, error: InputError(kind: "invalid_utf8", message: "invalid UTF-8 at byte \(offset)"), source: name, line: 1)
        }
        return .article(Article(id: id, text: bytes, title: nil, source: name, line: 1))
    }
}
