import TextPipeline

extension TermAnalysis {
    /// Marks the terms that also occur in `title`, split at ASCII characters other
    /// than letters, digits, `-` and `'`. Terms absent from the text are ignored.
    /// Sets ``TermStats/inTitle``.
    mutating func markTitle(_ title: String?) {
        guard var title, !title.isEmpty else { return }
        title.withUTF8 { markTitle(bytes: $0) }
    }

    private mutating func markTitle(bytes buffer: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0 ... buffer.count {
            let isBreak = index == buffer.count || Self.isTitleBreak(buffer[index])
            guard isBreak else { continue }
            if index > start {
                let word = UnsafeBufferPointer(rebasing: buffer[start ..< index])
                let pointer = folded.reserve(word.count)
                let (hash, length, _) = TermFolding.fold(word, into: pointer)
                if let id = table.lookup(pointer, length: length, hash: hash) { markInTitle(id) }
            }
            start = index + 1
        }
    }

    private static func isTitleBreak(_ byte: UInt8) -> Bool {
        guard byte < 0x80 else { return false }
        return !(byte &- 0x30 < 10 || byte &- 0x41 < 26 || byte &- 0x61 < 26 || byte == 0x2D || byte == 0x27)
    }

    /// The words covered by tokens `range`, or nil when none of them is part of a word.
    /// - Complexity: O(log words).
    func words(ofTokens range: Range<Int>) -> Range<Int>? {
        // Words are sorted by token: find the first that ends after the range starts.
        var low = 0
        var high = wordCount
        while low < high {
            let middle = (low + high) / 2
            if Int(words[middle].endToken) <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < wordCount, Int(words[end].firstToken) < range.upperBound { end += 1 }
        return end > low ? low ..< end : nil
    }
}
