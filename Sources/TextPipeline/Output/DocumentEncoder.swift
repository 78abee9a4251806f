/// Turns analysed documents and error records into the bytes of one output
/// format: the edge between the stream engine and the output.
///
///     worker threads                          calling thread, input order
///     Document / ErrorRecord ─► encoder ─► EncodedRecord ─► RecordWriter ─► file(s)
///
/// An encoder runs on the engine's worker threads, once per record (never per
/// token across the protocol), so it must be a pure value. What it appends is one
/// record of its ``framing``; a ``RecordWriter`` puts records where they belong.
/// A new format is one new type conforming to this protocol (and, for a folder
/// format, one writer).
public protocol DocumentEncoder: Sendable {
    /// How records are laid out in the output; resume depends on it.
    var framing: RecordFraming { get }

    /// Appends the record of an analysed document to `out`.
    func encode(_ document: Document, into out: inout EncodedRecord)

    /// Appends the record of an article that could not be analysed to `out`.
    func encode(_ error: ErrorRecord, into out: inout EncodedRecord)
}

/// How the records of a format are framed.
public enum RecordFraming: Sendable, Equatable {
    /// One stream, one line per record (JSON lines, spaCy JSON lines).
    case lines
    /// One stream; every record starts with a line beginning with `marker`,
    /// and no other line begins with it (CoNLL's `-DOCSTART-`).
    case markedLines(marker: [UInt8])
    /// Several files in a folder (brat, HTML); records cannot be counted back,
    /// so such output cannot be resumed.
    case folder

    /// Whether the records form one stream that a resume can count.
    public var isStream: Bool { self != .folder }
}

/// The fields of an error record: an article that could not be analysed.
public struct ErrorRecord: Sendable, Equatable {
    /// The id of the record that failed.
    public var id: ArticleID
    /// `input` for reader errors, else the stage id.
    public var stage: String
    /// One of the documented kinds (`invalid_json`, `timeout`, ...).
    public var kind: ErrorKind
    /// What went wrong, for people.
    public var message: String
    /// The input the record came from: a path, or `<stdin>`.
    public var source: String
    /// The record's 1-based line number in ``source``.
    public var line: Int

    /// An error record from its fields.
    public init(id: ArticleID, stage: String, kind: ErrorKind, message: String, source: String, line: Int) {
        self.id = id
        self.stage = stage
        self.kind = kind
        self.message = message
        self.source = source
        self.line = line
    }
}
