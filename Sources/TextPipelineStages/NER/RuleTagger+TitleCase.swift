import TextPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Title Case lines ("Leader Sends Letter to President After Historic Visit"): like headlines in
/// capitals, their capitals say nothing about names, so only lookups find names there.
extension RuleTagger {
    /// Marks the tokens of every Title Case line ``TokenFeatures/headline``.
    ///
    /// A line is the tokens between line breaks. It is Title Case when it stands alone (it starts
    /// the text or follows a blank line, or ends the text or precedes a blank line), does not end
    /// with a sentence terminator, has at least four capitalised content words, every
    /// lower-case word in it is a function word (connector, non-name, place preposition or
    /// determiner) and at least one function word is there ("to", or "After" inside the line).
    ///
    /// Lines are found from the line breaks alone (``standaloneLines(_:_:_:into:)``); only those that
    /// stand alone are then read word by word.
    mutating func markTitleCaseLines() {
        utf8.withUnsafeBufferPointer { text in
            tokens.starts.withUnsafeBufferPointer { starts in
                tokens.ends.withUnsafeBufferPointer { ends in
                    Self.standaloneLines(text, starts, ends, into: &scratch.lines)
                }
            }
        }
        for line in scratch.lines where isTitleCase(line) {
            for index in line { scratch.features[index].insert(.headline) }
        }
    }

    /// The lines (token ranges between line breaks) that start the text or follow a blank line,
    /// or end the text or precede a blank line, in order, into `lines` (emptied first).
    ///
    /// A line break counts when it lies between two tokens. The text is searched for them with
    /// `memchr` (news text has one per paragraph), and each is placed after its token by a
    /// galloping search, so the cost follows the line breaks, not the tokens or the white space.
    private static func standaloneLines(
        _ text: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>,
        _ ends: UnsafeBufferPointer<Int32>, into lines: inout [Range<Int>]
    ) {
        lines.removeAll(keepingCapacity: true)
        let count = starts.count
        guard count > 0 else { return }
        var start = 0, breaksBeforeStart = 0
        /// Ends the line that runs from `start` to token `end`, which `breaks` line breaks precede.
        func endLine(at end: Int, breaks: Int) {
            if start == 0 || breaksBeforeStart >= 2 || end == count || breaks >= 2 { lines.append(start ..< end) }
            start = end
            breaksBeforeStart = breaks
        }
        // The token the line breaks seen last precede (0: none yet), and how many there are.
        var boundary = 0, breaks = 0, token = 0
        var offset = nextLineBreak(in: text, from: 0)
        while offset < text.count {
            token = firstToken(endingAfter: offset, from: token, ends)
            if token > 0, token < count, Int(starts[token]) > offset {
                if token != boundary {
                    if boundary > 0 { endLine(at: boundary, breaks: breaks) }
                    boundary = token
                    breaks = 0
                }
                breaks += 1
            }
            offset = nextLineBreak(in: text, from: offset + 1)
        }
        if boundary > 0 { endLine(at: boundary, breaks: breaks) }
        endLine(at: count, breaks: 0)
    }

    /// The first token from `from` on that ends after byte `offset` (or the token count), found by
    /// galloping forward: ``TokenLayer/firstToken(endingAfter:from:)`` over the column in hand.
    /// - Precondition: no token before `from` ends after `offset`.
    @inline(__always)
    private static func firstToken(endingAfter offset: Int, from: Int, _ ends: UnsafeBufferPointer<Int32>) -> Int {
        var low = from, high = from, step = 1
        while high < ends.count, Int(ends[high]) <= offset {
            low = high + 1
            high += step
            step <<= 1
        }
        high = min(high, ends.count)
        while low < high {
            let mid = (low + high) / 2
            if Int(ends[mid]) <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The offset of the first line feed at or after `start` in `text`, or the text's length.
    @inline(__always)
    private static func nextLineBreak(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < text.count, let base = text.baseAddress, let found = memchr(base + start, 0x0A, text.count - start) else {
            return text.count
        }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    private func isTitleCase(_ line: Range<Int>) -> Bool {
        guard let last = line.last, !isTerminator(last) else { return false }
        var capitalised = 0, functionWords = 0
        for index in line where tokens.kinds[index] == .word {
            let sections = rules.sections(of: hashes[index])
            let function = !sections.isDisjoint(with: Self.functionWords)
            if token(index, is: .lowercase) {
                guard function else { return false }
                functionWords += 1
            } else if token(index, is: .capitalised) {
                if function {
                    if index != line.lowerBound { functionWords += 1 }
                } else if token(index, is: .longWord) {
                    capitalised += 1
                }
            }
        }
        return capitalised >= 4 && functionWords >= 1
    }

    private static let functionWords = NERRules.Sections(.connectors, .notNames, .locPrepositions, .determiners, .designatorConnectors)

    private func isTerminator(_ index: Int) -> Bool { isByte(index, 0x2E) || isByte(index, 0x3F) || isByte(index, 0x21) }
}
