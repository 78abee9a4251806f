extension SentenceWalk {
    /// Embedded single-quoted quotations: a quotation in `'…'`, `‘…’` or
    /// `` `…' `` that opens after a comma ("thought Alice to herself, 'after
    /// such a fall! How brave …'") belongs to the sentence that introduces
    /// it, so terminators inside it do not end that sentence; the terminator
    /// before the closing quote still may. A quotation introduced by a colon
    /// (`said: 'We won. We …'`, common in British news) and double-quoted
    /// ones carry reported speech and are split like any other text.
    ///
    /// Called for token `k` by the walk; records the closing quote's byte
    /// offset in `quoteClose` when `k` opens such a quotation that closes
    /// within 600 bytes in the same paragraph.
    /// - Complexity: amortised O(1) per token: a failed search is remembered
    ///   (`quoteSearchedUntil`), so no byte is searched twice.
    mutating func noteEmbeddedQuotation(at k: Int) {
        guard k >= 2, view.start(k) >= quoteClose, !view.isAttached(k), k + 1 < view.count, view.isAttached(k + 1),
            isSingleOpeningQuote(k), view.isByte(k - 1, 0x2C)
        else { return }
        let from = max(view.end(k), quoteSearchedUntil)
        let limit = min(view.text.count, view.end(k) + 600)
        if let close = closingSingleQuote(from: from, limit: limit) {
            quoteClose = close
        } else {
            quoteSearchedUntil = max(quoteSearchedUntil, limit)
        }
    }

    /// Whether the cluster of terminators from `t` to `end` lies inside an
    /// embedded quotation without reaching its closing quote.
    func isInsideEmbeddedQuotation(_ t: Int, clusterEnd end: Int) -> Bool {
        view.start(t) < quoteClose && view.end(end - 1) <= quoteClose
    }

    private func isSingleOpeningQuote(_ k: Int) -> Bool {
        if view.isByte(k, 0x27) || view.isByte(k, 0x60) { return true }
        guard view.length(k) == 3 else { return false }
        let start = view.start(k)
        return view.text[start] == 0xE2 && view.text[start + 1] == 0x80 && view.text[start + 2] == 0x98
    }

    /// The byte offset of the first `'` or `’` in `from ..< limit` that
    /// follows a visible character and is not followed by a letter (an
    /// apostrophe is: "dragon’s"), stopping at a blank line.
    private func closingSingleQuote(from: Int, limit: Int) -> Int? {
        let text = view.text
        var index = from
        while index < limit {
            let byte = text[index]
            if byte == 0x0A, index + 1 < text.count, text[index + 1] == 0x0A { return nil }
            var width = 0
            if byte == 0x27 { width = 1 }
            if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0x99 { width = 3 }
            if width > 0, index > 0, text[index - 1] != 0x20, text[index - 1] != 0x0A {
                let after = index + width < text.count ? text[index + width] : 0x20
                if !(after | 0x20 >= 0x61 && after | 0x20 <= 0x7A) && after < 0x80 { return index }
            }
            index += 1
        }
        return nil
    }
}
