extension ArticleReader {
    /// Reads a text file (or stdin with `--format text`) as one article,
    /// keeping at most `maxArticleBytes + 4` bytes of it (after a byte-order
    /// mark); the rest is read and counted, not buffered.
    ///
    /// A larger text is an `oversized` error record or, with
    /// `--on-oversize truncate`, its first `maxArticleBytes` bytes (cut at a
    /// character boundary) with a warning: the same records as when the whole
    /// text was read, in bounded memory.
    mutating func readTextFile(_ source: ByteSource, name: String) throws -> InputRecord {
        let keep = limits.maxArticleBytes > Int.max - 8 ? Int.max : limits.maxArticleBytes + 4 + 3
        var bytes: [UInt8] = []
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            total += count
            if bytes.count < keep { bytes.append(contentsOf: chunk[0 ..< min(count, keep - bytes.count)]) }
        }
        bytesRead += total
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            total -= 3
        }
        let id = ArticleID.string(name)
        var warnings: [String] = []
        if total > limits.maxArticleBytes {
            switch limits.oversize {
            case .error:
                return .failure(id: id, error: limits.oversizedError(textBytes: total), source: name, line: 1)
            case .truncate:
                let cut = limits.truncationPoint(in: bytes)
                bytes.removeSubrange(cut...)
                warnings.append(limits.truncationWarning(from: total, to: cut))
            }
        }
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) {
            return .failure(id: id, error: InputError(kind: .invalidUTF8, message: "invalid UTF-8 at byte \(offset)"), source: name, line: 1)
        }
        var article = Article(id: id, text: bytes, title: nil, source: name, line: 1)
        article.warnings = warnings
        return .article(article)
    }
}
