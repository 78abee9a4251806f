/// One input record, parsed and validated.
public struct Article: Sendable {
    /// The record's id, echoed in its output line.
    public let id: ArticleID
    /// The text as valid UTF-8.
    public let text: [UInt8]
    /// The title, when the record had a string `title`.
    public let title: String?
    /// The language the record's `lang` field declared, when it had a well-formed one.
    public var language: ArticleLanguage?
    /// Where the record came from: a path, or `<stdin>`.
    public let source: String
    /// The 1-based line number in `source` (1 for a `.txt` file).
    public let line: Int
    /// Notes about repairs made while reading (for example a non-string title that was ignored).
    public var warnings: [String] = []

    /// An article from its parts.
    /// - Precondition: `text` is valid UTF-8.
    public init(id: ArticleID, text: [UInt8], title: String?, source: String, line: Int) {
        self.id = id
        self.text = text
        self.title = title
        self.source = source
        self.line = line
    }
}

/// Why an input record could not become an article.
public struct InputError: Error, Sendable, Equatable {
    /// The error-record kind: `invalid_json`, `missing_text`, `invalid_text`, `invalid_utf8`, `invalid_id`, `oversized`, `read_failed`.
    public let kind: ErrorKind
    /// What was wrong, for people; written as the error record's `message`.
    public let message: String
    /// An error of `kind` (one of those listed for ``kind``) with a message.
    public init(kind: ErrorKind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// What the reader yields for each record: an article, or the error that
/// replaced it. Either way, the record gets exactly one output line.
public enum InputRecord: Sendable {
    /// A valid article, ready to analyse.
    case article(Article)
    /// A record that could not be read as an article; it becomes an error record.
    case failure(id: ArticleID, error: InputError, source: String, line: Int)

    /// The record's id.
    public var id: ArticleID {
        switch self {
        case .article(let article): article.id
        case .failure(let id, _, _, _): id
        }
    }
}
