/// An input record before parsing: a JSON line's bytes, or a record the
/// reader already built (a text file, a read error).
///
/// The reader only splits lines; parsing happens on the workers, so it runs
/// in parallel.
public enum RawRecord: Sendable {
    /// One JSON line as read, with where it came from; parsed on a worker. The
    /// bytes are a slice of the reader's buffer (``LineReader/nextSharedLine(_:)``), not a copy.
    case jsonLine(bytes: ArraySlice<UInt8>, source: String, line: Int)
    /// A record the reader built itself: a text file's article, or a read error.
    case parsed(InputRecord)

    /// Parses the record (a no-op for `.parsed`).
    public func parse() -> InputRecord {
        switch self {
        case .parsed(let record):
            return record
        case .jsonLine(let bytes, let source, let line):
            return bytes.withUnsafeBufferPointer { JSONRecordParser().parse($0, source: source, line: line) }
        }
    }

    /// The size of the record's raw bytes (for progress).
    public var byteCount: Int {
        switch self {
        case .jsonLine(let bytes, _, _): bytes.count
        case .parsed(.article(let article)): article.text.count
        case .parsed(.failure): 0
        }
    }
}
