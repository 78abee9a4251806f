/// What becomes of a JSON line longer than the reader keeps (see
/// ``ArticleLimits/maxLineBytes``): the reader keeps its start, skips the
/// rest up to the next line break, and the line still yields one record.
extension ArticleLimits {
    /// Bytes of one JSON line the reader keeps: `4 × maxArticleBytes + 1 MiB`.
    ///
    /// Room for a text of `maxArticleBytes` bytes even when every non-ASCII
    /// character is written as a `\u` escape (as Python's `json.dumps` does
    /// by default: at most three bytes of line per byte of text), for a title,
    /// and for 1 MiB of id and other fields. A longer line is `oversized`
    /// whatever it holds, without being buffered whole.
    public var maxLineBytes: Int {
        let (times4, overflow) = maxArticleBytes.multipliedReportingOverflow(by: 4)
        return overflow || times4 > Int.max - (1 << 20) ? Int.max : times4 + (1 << 20)
    }

    /// The record for a cut line, from its kept start `kept`.
    ///
    /// - `error`: an `oversized` error record, with the id when the id came before the cut.
    /// - `truncate`: the text read before the cut (at most `maxArticleBytes` bytes, ending at a
    ///   character boundary) is analysed, with a warning; fields after the cut are not read (a
    ///   missing id becomes `"<source>:<line>"`). When `text` does not start before the cut, the
    ///   record is an `oversized` error.
    func recordForCutLine(_ kept: UnsafeBufferPointer<UInt8>, totalBytes: Int, source: String, line: Int) -> InputRecord {
        let parsed = JSONRecordParser().parseCut(kept, textLimit: oversize == .truncate ? maxArticleBytes : 0)
        let id = parsed.id ?? .string("\(source):\(line)")
        let note = "the line has \(totalBytes) bytes, more than the \(maxLineBytes) read for one record (4 × --max-article-bytes + 1 MiB)"
        func failure(_ kind: ErrorKind, _ message: String) -> InputRecord {
            .failure(id: id, error: InputError(kind: kind, message: message), source: source, line: line)
        }
        switch (oversize, parsed.text) {
        case (.error, _):
            return failure(.oversized, note + "; the rest of the line was skipped unread")
        case (.truncate, nil):
            return failure(.oversized, note + ", and its text does not start within them")
        case (.truncate, .failure(let error)?):
            return failure(error.kind, error.message)
        case (.truncate, .success(let text)?):
            var cut = min(text.count, maxArticleBytes)
            if cut < text.count { while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 } }  // never split a UTF-8 sequence
            var article = Article(id: id, text: Array(text[..<cut]), title: parsed.title, source: source, line: line)
            article.warnings = parsed.warnings + ["text truncated to \(cut) bytes: \(note); fields after them were not read"]
            return .article(article)
        }
    }
}
