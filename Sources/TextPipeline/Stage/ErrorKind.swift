/// The `error.kind` of an error record: a documented set of constants, open to new ones.
///
/// Like ``LayerName``, an extensible struct rather than an enum, so a stage can name a kind of
/// its own (`ErrorKind(rawValue: "lexicon_missing")`) and adding a built-in kind breaks no
/// `switch`; like an enum, a misspelt built-in kind (`.stageFaild`) does not compile. The raw
/// values are what output writes, and do not change.
public struct ErrorKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The kind as output writes it, such as `stage_failed`.
    public let rawValue: String
    /// A kind of your own; prefer the constants for the documented kinds.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The line is not one JSON object.
    public static let invalidJSON = ErrorKind(rawValue: "invalid_json")
    /// The object has no `text` field.
    public static let missingText = ErrorKind(rawValue: "missing_text")
    /// `text` is not a string.
    public static let invalidText = ErrorKind(rawValue: "invalid_text")
    /// The record holds bytes that are not UTF-8.
    public static let invalidUTF8 = ErrorKind(rawValue: "invalid_utf8")
    /// `id` is neither a string, a number nor null.
    public static let invalidID = ErrorKind(rawValue: "invalid_id")
    /// The text or the line is larger than the article limits allow.
    public static let oversized = ErrorKind(rawValue: "oversized")
    /// An input could not be opened, listed, read or decompressed (an I/O failure, not a record).
    public static let readFailed = ErrorKind(rawValue: "read_failed")
    /// The article's time limit passed inside a stage.
    public static let timeout = ErrorKind(rawValue: "timeout")
    /// A stage threw for this article.
    public static let stageFailed = ErrorKind(rawValue: "stage_failed")

    /// The raw value.
    public var description: String { rawValue }
}
