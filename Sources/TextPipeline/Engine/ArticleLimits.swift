/// Per-article limits the engine enforces.
public struct ArticleLimits: Sendable {
    /// What to do with an article whose text exceeds ``maxArticleBytes``.
    public enum OversizePolicy: String, Sendable, CaseIterable {
        /// Write an `oversized` error record.
        case error
        /// Analyse the first ``maxArticleBytes`` bytes (cut at a character boundary) and add a warning.
        case truncate
    }

    /// The default text size limit: 16 MB, far above any news article, small enough to keep memory flat.
    public static let defaultMaxArticleBytes = 16_000_000

    /// The largest article text analysed, in UTF-8 bytes (`--max-article-bytes`).
    public var maxArticleBytes: Int
    /// What happens to an article above ``maxArticleBytes`` (`--on-oversize`).
    public var oversize: OversizePolicy
    /// The cooperative time limit per article, or nil for none.
    public var articleTimeout: Duration?

    /// Limits with the command's defaults: 16 MB, an error record for larger texts, no time limit.
    public init(maxArticleBytes: Int = ArticleLimits.defaultMaxArticleBytes, oversize: OversizePolicy = .error, articleTimeout: Duration? = nil) {
        self.maxArticleBytes = maxArticleBytes
        self.oversize = oversize
        self.articleTimeout = articleTimeout
    }

    /// Applies the size limit to `article`: nil when it fits, else the error
    /// to report or a truncated copy with a warning.
    func enforce(_ article: Article) -> Result<Article, InputError>? {
        guard article.text.count > maxArticleBytes else { return nil }
        switch oversize {
        case .error:
            return .failure(oversizedError(textBytes: article.text.count))
        case .truncate:
            let cut = truncationPoint(in: article.text)
            var truncated = Article(id: article.id, text: Array(article.text[..<cut]), title: article.title, source: article.source, line: article.line)
            truncated.warnings = article.warnings + [truncationWarning(from: article.text.count, to: cut)]
            truncated.language = article.language
            return .success(truncated)
        }
    }

    func oversizedError(textBytes: Int) -> InputError {
        InputError(kind: .oversized, message: "the text has \(textBytes) bytes, more than --max-article-bytes \(maxArticleBytes)")
    }

    /// Where to cut `text` (longer than ``maxArticleBytes``): at most `maxArticleBytes`, never inside a UTF-8 sequence.
    func truncationPoint(in text: [UInt8]) -> Int {
        var cut = maxArticleBytes
        while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    func truncationWarning(from textBytes: Int, to cut: Int) -> String {
        "text truncated from \(textBytes) to \(cut) bytes (--max-article-bytes)"
    }
}
