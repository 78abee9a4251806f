/// One article under analysis: its text as a single UTF-8 buffer and the
/// annotation layers that stages add to it.
///
/// The text is never changed. Every annotation is an offset range into
/// ``utf8``; ``OffsetConverter`` turns byte offsets into code points or
/// UTF-16 units for output.
public struct Document: Sendable {
    /// The article id, echoed in output.
    public let id: ArticleID
    /// The article text as UTF-8. Always valid UTF-8.
    public let utf8: [UInt8]
    /// The article title, when the input had one. Stages may read it; output does not echo it.
    public let title: String?

    /// The tokens, as byte ranges of ``utf8`` with kinds (`tokenize.icu@1` writes them).
    public var tokens = TokenLayer()
    /// The sentences, as token ranges (`sentences.icu@1` writes them).
    public var sentences = SentenceLayer()
    /// The named entities, as token ranges with labels and canonical ids.
    public var entities = EntityLayer()
    /// Ranked best first.
    public var keywords: [Keyword] = []
    /// Custom span layers by name (`spans.<name>` in output).
    public var spans: [String: SpanLayer] = [:]
    /// Custom document values by name (`attributes.<name>` in output).
    public var attributes: [String: JSONValue] = [:]
    /// Notes about changes made to the input (truncation, repairs), echoed as `warnings`.
    public var warnings: [String] = []
    /// The article's language once known: the record's `lang` field, or what
    /// ``resolveLanguage()`` detected the first time a stage asked. Not echoed in output.
    public var language: ArticleLanguage?

    /// Creates a document over valid UTF-8 bytes, in `language` when the input declared one.
    public init(id: ArticleID, utf8: [UInt8], title: String? = nil, language: ArticleLanguage? = nil) {
        self.id = id
        self.utf8 = utf8
        self.title = title
        self.language = language
    }

    /// Creates a document from a string.
    public init(id: ArticleID = .string("doc"), text: String, title: String? = nil, language: ArticleLanguage? = nil) {
        self.init(id: id, utf8: Array(text.utf8), title: title, language: language)
    }

    /// The text, decoded. For display and tests; stages read ``utf8``.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The text of a byte range, for display and tests.
    public func text(bytes range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// The text of token `index`.
    public func text(ofToken index: Int) -> String { text(bytes: tokens.byteRange(index)) }

    /// The byte range covered by tokens `range` (first token's start to last token's end).
    public func byteRange(ofTokens range: Range<Int>) -> Range<Int> {
        Int(tokens.starts[range.lowerBound]) ..< Int(tokens.ends[range.upperBound - 1])
    }

    /// The text of sentence `index`.
    public func text(ofSentence index: Int) -> String {
        text(bytes: byteRange(ofTokens: sentences.tokenRange(index)))
    }

    /// The text of entity `index`.
    public func text(ofEntity index: Int) -> String {
        text(bytes: byteRange(ofTokens: entities.tokenRange(index)))
    }
}
