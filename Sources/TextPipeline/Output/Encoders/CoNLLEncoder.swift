/// Encodes documents in the CoNLL-2003 column layout: one token per line with
/// its BIO entity tag, a blank line after each sentence, and a `-DOCSTART-`
/// line opening each article.
///
///     -DOCSTART- "en-01" -X- O
///
///     The _ _ O
///     Bank _ _ B-ORG
///     of _ _ I-ORG
///     Norland _ _ I-ORG
///     ...
///
/// Columns are separated by one space: token, POS, chunk, NER tag, as in the
/// CoNLL-2003 files; POS and chunk are `_` (not predicted). The `-DOCSTART-`
/// line carries the article id in the second column as a JSON value with no
/// white space (`CoNLLFields.id(_:into:)`) and, in the third, `-X-` for an
/// analysed article or `error:<kind>` for an error record, which has no token
/// lines. Readers that skip `-DOCSTART-` lines (as CoNLL readers do) see an
/// error record as an empty document. White space inside a token or label is
/// written as `_` so that every line splits into exactly four columns.
/// An entity that overlaps an earlier one is left out: BIO cannot nest.
public struct CoNLLEncoder: DocumentEncoder {
    /// The first bytes of every record, and of no other line (tokens never
    /// start with `-DOCSTART-`: a hyphen is a token of its own).
    public static let marker: [UInt8] = Array("-DOCSTART- ".utf8)

    /// A CoNLL encoder; it has no options.
    public init() {}

    public var framing: RecordFraming { .markedLines(marker: Self.marker) }

    public func encode(_ document: Document, into out: inout EncodedRecord) {
        header(id: document.id, status: "-X-", into: &out.buffer)
        let tokens = document.tokens
        guard !tokens.isEmpty else { return }
        let sentenceStarts = Self.sentenceStarts(document)
        var nextSentence = 0
        var walk = BIOWalk(entities: document.entities)
        var longestLabel = 0
        for label in document.entities.labels { longestLabel = max(longestLabel, label.rawValue.utf8.count) }
        // Token bytes never grow (white space becomes one `_`); per token at most
        // a sentence break, " _ _ ", "B-" + label and "\n"; then the closing "\n".
        let bound = document.utf8.count + tokens.count * (9 + longestLabel) + 1
        out.buffer.write(atMost: bound) { writer in
            document.utf8.withUnsafeBufferPointer { text in
                for index in 0 ..< tokens.count {
                    if nextSentence < sentenceStarts.count, sentenceStarts[nextSentence] == index {
                        if index > 0 { writer.byte(0x0A) }
                        nextSentence += 1
                    }
                    CoNLLFields.token(UnsafeBufferPointer(rebasing: text[tokens.byteRange(index)]), into: &writer)
                    writer.raw(" _ _ ")
                    switch walk.tag(of: index) {
                    case .outside:
                        writer.byte(UInt8(ascii: "O"))
                    case .begin(let label):
                        writer.raw("B-")
                        CoNLLFields.token(label.rawValue, into: &writer)
                    case .inside(let label):
                        writer.raw("I-")
                        CoNLLFields.token(label.rawValue, into: &writer)
                    }
                    writer.byte(0x0A)
                }
                writer.byte(0x0A)
            }
        }
    }

    public func encode(_ error: ErrorRecord, into out: inout EncodedRecord) {
        header(id: error.id, status: "error:" + error.kind.rawValue, into: &out.buffer)
    }

    private func header(id: ArticleID, status: String, into out: inout JSONBuffer) {
        out.bytes.append(contentsOf: Self.marker)
        CoNLLFields.id(id, into: &out)
        out.raw(" ")
        CoNLLFields.token(status, into: &out)
        out.raw(" O\n\n")
    }

    /// The first token of each sentence, ascending; the whole text is one sentence without a sentence layer.
    static func sentenceStarts(_ document: Document) -> [Int] {
        guard !document.sentences.isEmpty else { return [0] }
        var starts = [0]
        starts.reserveCapacity(document.sentences.count)
        for index in 0 ..< document.sentences.count {
            let first = document.sentences.tokenRange(index).lowerBound
            if first > starts[starts.count - 1] { starts.append(first) }
        }
        return starts
    }
}
