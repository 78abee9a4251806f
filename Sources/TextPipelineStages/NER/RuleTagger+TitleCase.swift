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
    mutating func markTitleCaseLines() {
        let tokens = document.tokens
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count, breaks(before: end) == 0 { end += 1 }
            let standsAlone = start == 0 || breaks(before: start) >= 2 || end == tokens.count || breaks(before: end) >= 2
            if standsAlone, isTitleCase(start ..< end) {
                for index in start ..< end { scratch.features[index].insert(.headline) }
            }
            start = end
        }
    }

    /// How many line breaks the white space before token `index` holds (0 for the first token).
    private func breaks(before index: Int) -> Int {
        guard index > 0 else { return 0 }
        let tokens = document.tokens
        var count = 0
        for offset in Int(tokens.ends[index - 1]) ..< Int(tokens.starts[index]) where document.utf8[offset] == 0x0A { count += 1 }
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
