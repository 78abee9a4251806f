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
                    let hash: UInt64 = TermFolding.fold(UnsafeBufferPointer(rebasing: buffer[start ..< index]), into: &folded)
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
    func words(ofTokens range: Range<Int>) -> Range<Int>? {
        var first = -1
        var last = -1
        for token in range where token < tokenWord.count {
            let word = Int(tokenWord[token])
            guard word >= 0 else { continue }
            if first < 0 { first = word }
            last = word
        }
        return first < 0 ? nil : first ..< last + 1
    }
}
