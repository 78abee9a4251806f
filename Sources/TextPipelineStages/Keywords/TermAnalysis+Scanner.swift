import TextPipeline

extension TermAnalysis {
    /// Walks the tokens of one sentence and feeds words and blocks to a ``TermAnalysis``.
    struct Scanner {
        let text: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Int32>
        let kinds: UnsafeBufferPointer<TokenKind>
        let stopWords: StopWordList
        let minLength: Int

        @inline(__always)
        static func isWordKind(_ kind: TokenKind) -> Bool {
            kind == .word || kind == .number || kind == .ideographic || kind == .kana
        }

        /// Whether the punctuation token at `index` glues the words on either side (a hyphen with no spaces).
        @inline(__always)
        func isGlue(_ index: Int, end: Int) -> Bool {
            guard index > 0, index &+ 1 < end, starts[index] == ends[index &- 1], starts[index &+ 1] == ends[index],
                Self.isWordKind(kinds[index &+ 1])
            else { return false }
            let start = Int(starts[index])
            let length = Int(ends[index]) - start
            return (length == 1 && text[start] == 0x2D) || (length == 3 && text[start] == 0xE2 && text[start + 1] == 0x80 && text[start + 2] == 0x90)
        }

        /// Whether the period token at `index` closes an abbreviation with inner periods (`U.S` + `.`).
        @inline(__always)
        func isAbbreviationPeriod(_ index: Int, wordStart: Int) -> Bool {
            guard kinds[index] == .punctuation, starts[index] == ends[index &- 1], ends[index] &- starts[index] == 1,
                text[Int(starts[index])] == 0x2E
            else { return false }
            for offset in Int(starts[wordStart]) ..< Int(ends[index - 1]) where text[offset] == 0x2E { return true }
            return false
        }

        /// Whether a line break followed by a capital letter separates token `index` from the one before.
        @inline(__always)
        func startsLine(_ index: Int) -> Bool {
            let start = Int(starts[index])
            guard text[start] &- 0x41 < 26 else { return false }
            var offset = Int(ends[index &- 1])
            while offset < start {
                if text[offset] == 0x0A { return true }
                offset &+= 1
            }
            return false
        }

        /// Scans the tokens `range` of one sentence.
        mutating func scan(_ range: Range<Int>, into analysis: inout TermAnalysis) {
            var sentence = analysis.startSentence()
            var blockStart = analysis.wordCount
            var open = -1  // first token of the word being built
            var glued = false
            var position = 0
            var index = range.lowerBound
            while index < range.upperBound {
                let kind = kinds[index]
                if index > range.lowerBound, startsLine(index) {
                    if open >= 0 { finish(open ..< index, sentence, &position, &analysis) }
                    open = -1
                    glued = false
                    analysis.closeBlock(from: blockStart)
                    blockStart = analysis.wordCount
                    sentence = analysis.startSentence()
                    position = 0
                }
                if Self.isWordKind(kind) {
                    if open >= 0, glued {
                        glued = false
                    } else {
                        if open >= 0 { finish(open ..< index, sentence, &position, &analysis) }
                        open = index
                    }
                } else if open >= 0, isGlue(index, end: range.upperBound) {
                    glued = true
                } else if open >= 0, isAbbreviationPeriod(index, wordStart: open) {
                    finish(open ..< index + 1, sentence, &position, &analysis)
                    open = -1
                } else {
                    if open >= 0 { finish(open ..< index, sentence, &position, &analysis) }
                    open = -1
                    analysis.closeBlock(from: blockStart)
                    blockStart = analysis.wordCount
                }
                index &+= 1
            }
            if open >= 0 { finish(open ..< range.upperBound, sentence, &position, &analysis) }
            analysis.closeBlock(from: blockStart)
        }

        @inline(__always)
        private func finish(_ tokens: Range<Int>, _ sentence: Int32, _ position: inout Int, _ analysis: inout TermAnalysis) {
            let start = Int(starts[tokens.lowerBound])
            let end = Int(ends[tokens.upperBound &- 1])
            // Whole 8-byte chunks of the word may be read when they stay inside the text.
            let chunked = start &+ ((end &- start &+ 7) & ~7) <= text.count
            analysis.addWord(
                tokens, bytes: UnsafeBufferPointer(rebasing: text[start ..< end]), start: start, sentence: sentence,
                position: position, chunked: chunked, stopWords: stopWords, minLength: minLength)
            position &+= 1
        }
    }
}
