import TextPipeline

extension RuleTagger {
    /// The label of an unlooked-up capitalised sequence, from its context, or nil to leave it.
    ///
    /// In order: a title before it (PER); a designator at its end or before "of"
    /// (ORG, LOC, MISC); a compass word first (LOC); a first name at its start (PER); after a
    /// determiner, an organisation when it ends in a plural, else nothing; a surname at its end (PER);
    /// a reporting verb after it (PER); a place preposition before it (LOC);
    /// an organisation word before it (ORG); otherwise a fallback guess.
    mutating func classify(_ range: Range<Int>, titleBefore: Bool) -> (GazetteerLabel, Strength)? {
        let count = range.count
        let previous = range.lowerBound - 1, next = range.upperBound
        if titleBefore { return (.person, .rule) }
        if let (label, _) = designator(range) { return (label, .rule) }
        // "Middle East", "Southern Sudan": before the person rules, as "East" and "Sudan" may be surnames.
        if (2 ... 3).contains(count), rules.contains(.compass, hashes[range.lowerBound]) { return (.location, .fallback) }
        if token(range.lowerBound, is: .firstName), (2 ... 4).contains(count) { return (.person, .rule) }
        // People are named without a determiner: "the Hill Valley Hawks" is a team, "the Coastal Review" no guess.
        if previous >= 0, rules.contains(.determiners, hashes[previous]) {
            return count >= 2 && endsInPlural(range.upperBound - 1) ? (.organization, .fallback) : nil
        }
        if (2 ... 3).contains(count), token(range.upperBound - 1, is: .surname) { return (.person, .rule) }
        if next < tokenCount, count <= 3, rules.contains(.personVerbs, hashes[next]) { return (.person, .fallback) }
        if previous >= 0, token(previous, is: .lowercase) || !token(previous, is: .capitalised) {
            let sections = rules.sections(of: hashes[previous])
            if sections.contains(.locPrepositions), count <= 3 { return (.location, .fallback) }
            if sections.contains(.orgContext) { return (.organization, .fallback) }
        }
        if count == 1, rules.fallbackSingle == nil, let repeated = rules.fallbackRepeated,
            let counts = scratch.caseCounts[hashes[range.lowerBound]], counts.capitalised >= 2, counts.lower == 0
        {
            return (repeated, .fallback)
        }
        guard let label = count >= 2 ? rules.fallbackMulti : rules.fallbackSingle else { return nil }
        return (label, .fallback)
    }

    /// A word of four letters or more ending in a lower-case "s" ("Hawks", "Otters").
    func endsInPlural(_ index: Int) -> Bool {
        let range = byteRange(index)
        return range.count >= 4 && utf8[range.upperBound - 1] == UInt8(ascii: "s")
    }

    /// A designator that names the kind of the whole sequence: its last word, a word right before "of",
    /// or a place or organisation word first ("Lake Balaton", "Air France").
    mutating func designator(_ range: Range<Int>) -> (GazetteerLabel, Int)? {
        if range.count >= 2, let label = designatorLabel(hashes[range.upperBound - 1]) { return (label, range.upperBound - 1) }
        if range.count >= 2 {
            let first = rules.sections(of: hashes[range.lowerBound])
            if first.contains(.locDesignators) { return (.location, range.lowerBound) }
            if first.contains(.orgPrefixes) { return (.organization, range.lowerBound) }
        }
        for index in range.dropFirst()
        where index + 1 < range.upperBound
            && !rules.sections(of: hashes[index]).isDisjoint(with: Self.joiners)
        {
            if let label = designatorLabel(hashes[index - 1]) { return (label, index - 1) }
        }
        return nil
    }

    /// Lower-case words inside a name: connectors, and designator connectors after their designator.
    static let joiners = NERRules.Sections(.connectors, .designatorConnectors)

    private func designatorLabel(_ hash: UInt64) -> GazetteerLabel? {
        let sections = rules.sections(of: hash)
        if sections.contains(.orgDesignators) { return .organization }
        if sections.contains(.locDesignators) { return .location }
        if sections.contains(.miscDesignators) { return .miscellaneous }
        return nil
    }
}
