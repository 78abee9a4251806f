import TextPipeline

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
    /// Lines are found in one pass over the token columns (``standaloneLines(_:_:_:into:)``); only
    /// those that stand alone are then read word by word.
    mutating func markTitleCaseLines() {
        let tokens = document.tokens
        document.utf8.withUnsafeBufferPointer { text in
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
    private static func standaloneLines(
        _ text: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>,
        _ ends: UnsafeBufferPointer<Int32>, into lines: inout [Range<Int>]
    ) {
        lines.removeAll(keepingCapacity: true)
        let count = starts.count
        var start = 0, breaksBeforeStart = 0
        while start < count {
            var end = start + 1, breaksBeforeEnd = 0
            while end < count {
                breaksBeforeEnd = breaks(text, from: Int(ends[end - 1]), to: Int(starts[end]))
                if breaksBeforeEnd != 0 { break }
                end += 1
            }
            if start == 0 || breaksBeforeStart >= 2 || end == count || breaksBeforeEnd >= 2 { lines.append(start ..< end) }
            start = end
            breaksBeforeStart = breaksBeforeEnd
        }
    }

    /// How many line breaks `text[from ..< to]` (the white space between two tokens) holds.
    @inline(__always)
    private static func breaks(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        for offset in from ..< to where text[offset] == 0x0A { count += 1 }
        return count
    }

    private func isTitleCase(_ line: Range<Int>) -> Bool {
        guard let last = line.last, !isTerminator(last) else { return false }
        var capitalised = 0, functionWords = 0
        for index in line where document.tokens.kinds[index] == .word {
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
