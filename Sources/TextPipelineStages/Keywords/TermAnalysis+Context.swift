import TextPipeline

extension TermAnalysis {
    /// Marks the terms that also occur in `title`, split at ASCII characters other
    /// than letters, digits, `-` and `'`. Terms absent from the text are ignored.
    /// Sets ``TermStats/inTitle``.
    mutating func markTitle(_ title: String?) {
        guard let title, !title.isEmpty else { return }
        var folded: [UInt8] = []
        let bytes = Array(title.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for index in 0 ... buffer.count {
                let isBreak = index == buffer.count || Self.isTitleBreak(buffer[index])
                guard isBreak else { continue }
                if index > start {
                    let hash: UInt64 = TermFolding.fold(UnsafeBufferPointer(rebasing: buffer[start ..< index]), toArray: &folded)
                    let id = folded.withUnsafeBufferPointer { table.lookup($0.baseAddress!, length: $0.count, hash: hash) }
                    if let id { markInTitle(id) }
                }
                start = index + 1
            }
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
