import TextPipeline

/// Lists of names: "Dwight and Steven Hammond", "Mr Lowe and Mary Lowe". A capitalised run joins
/// its words across connectors, so a list of people reads as one long name; a person guess never
/// spans a coordinator (rules section `[coordinators]`): each side of it is classified on its own.
/// Organisations keep their coordinators ("Sachs and Co", by its designator).
extension RuleTagger {
    /// Whether a token of `range` is a coordinator ("and", "&").
    func holdsCoordinator(_ range: Range<Int>) -> Bool {
        range.contains { rules.contains(.coordinators, hashes[$0]) }
    }

    /// What a later side of a list does not start with: non-names and connectors ("and The ...").
    private static let sideOpeners = NERRules.Sections(.notNames, .connectors)

    /// Classifies `range` (``classify(_:titleBefore:)``) and adds its entity to `scratch.added`;
    /// a person guess across a coordinator is cut there instead, and each side classified alone.
    /// A title before the range belongs to the first side only.
    mutating func addClassified(_ range: Range<Int>, titleBefore: Bool) {
        guard let (label, strength) = classify(range, titleBefore: titleBefore) else { return }
        guard label == .person, holdsCoordinator(range) else {
            scratch.added.append(Candidate(start: range.lowerBound, end: range.upperBound, label: label, canonicalID: nil, strength: strength))
            return
        }
        var sideStart = range.lowerBound
        for index in range where index == range.upperBound - 1 || rules.contains(.coordinators, hashes[index + 1]) {
            // The side is sideStart ... index; the coordinator, if any, is index + 1.
            addSide(sideStart ..< index + 1, first: sideStart == range.lowerBound, titleBefore: titleBefore)
            sideStart = index + 2
        }
    }

    /// One side of a list: a later side is trimmed of leading non-names and connectors (unless an
    /// initial) and of the punctuation they leave, then classified with no title.
    private mutating func addSide(_ side: Range<Int>, first: Bool, titleBefore: Bool) {
        var start = side.lowerBound
        if !first {
            while start < side.upperBound, !isInitial(start), !rules.sections(of: hashes[start]).isDisjoint(with: Self.sideOpeners) {
                start += 1
            }
            while start < side.upperBound, tokens.kinds[start] == .punctuation { start += 1 }
        }
        guard start < side.upperBound, let (label, strength) = classify(start ..< side.upperBound, titleBefore: first && titleBefore) else { return }
        scratch.added.append(Candidate(start: start, end: side.upperBound, label: label, canonicalID: nil, strength: strength))
    }
}
