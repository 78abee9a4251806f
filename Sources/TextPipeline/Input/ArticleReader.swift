/// Streams input records from a list of files, one record at a time.
///
/// JSON-lines files yield one record per non-blank line (blank lines are
/// skipped and counted); text files yield one record each. Every record is
/// either an ``Article`` or the ``InputError`` that replaced it.
///
/// Memory is bounded whatever the input: a JSON line keeps at most
/// ``ArticleLimits/maxLineBytes`` bytes and a text file at most
/// `maxArticleBytes` (plus a few bytes); the rest of a longer record is read
/// and dropped, and the record still yields one `oversized` error or, with
/// `--on-oversize truncate`, a truncated article.
public struct ArticleReader {
    private let files: [InputFile]
    /// The size limits that bound what is kept of each record.
    public let limits: ArticleLimits
    private var fileIndex = 0
    private var lines: LineReader?
    /// The name records of the file being read carry, and the lines read from it so far:
    /// kept here, so that reading a record copies neither the file nor the line reader.
    private var current: (source: String, lines: Int)?

    /// Blank lines skipped so far.
    public private(set) var blankLines = 0
    /// Bytes of input read so far (after decompression, excluding line terminators).
    public internal(set) var bytesRead = 0

    /// A reader of `files` in order, applying the size limit of `limits` while reading.
    public init(files: [InputFile], limits: ArticleLimits = ArticleLimits()) {
        self.files = files
        self.limits = limits
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
            if lines != nil, let (source, previous) = current {
                let lineNumber = previous + 1
                var record: RawRecord?
                var lineBytes = 0
                let limits = self.limits
                // Read in place (`lines!`): a copy of the reader would share its buffer, and reading into it would copy it.
                let more: Bool
                do {
                    // A shared slice, not a copy: the calling thread reads for every worker.
                    more = try lines!.nextSharedLine { line, extent in
                        lineBytes = extent.totalBytes
                        if extent.isCut {
                            record = .parsed(
                                line.withUnsafeBufferPointer {
                                    limits.recordForCutLine($0, totalBytes: extent.totalBytes, source: source, line: lineNumber)
                                })
                        } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                            record = .jsonLine(bytes: line, source: source, line: lineNumber)
                        }
                    }
                } catch {
                    lines = nil  // as before: a failed file is not read again
                    throw error
                }
                bytesRead += lineBytes
                if !more {
                    lines = nil
                    current = nil
                    continue
                }
                current = (source, lineNumber)
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
            if file.format == .text { return .parsed(try readTextFile(source, name: displayName(file))) }
            lines = LineReader(source: source, maxLineBytes: limits.maxLineBytes)
            current = (displayName(file), 0)
        }
    }

    func displayName(_ file: InputFile) -> String { file.isStandardInput ? "<stdin>" : file.path }
}
