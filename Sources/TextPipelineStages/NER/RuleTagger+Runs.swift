import TextPipeline

extension RuleTagger {
    /// A maximal sequence of capitalised words (with connectors between them), trimmed.
    struct Run {
        var range: Range<Int>
        /// A title stood right before the name ("President", "Mr").
        var titleBefore: Bool
    }

    /// Only words carry the capitalisation bits (``TokenFeatures/compute(_:text:into:)``); in a headline
    /// or a Title Case line, capitals are no evidence.
    private func isCapitalisedWord(_ index: Int) -> Bool { token(index, is: .capitalised) && !token(index, is: .headline) }

    /// An initial ("J") or a dotted abbreviation ("U.S") that a period may follow inside a name.
    private func isAbbreviation(_ index: Int) -> Bool {
        let range = byteRange(index)
        guard tokens.kinds[index] == .word else { return false }
        return range.count == 1 || utf8[range].contains(0x2E)
    }

    /// Finds the runs of a (non-headline) segment and applies each as it is found: ``apply(_:)``
    /// changes nothing that finding runs reads (token features, rules, hashes).
    mutating func capitalisedRuns(_ segment: Range<Int>) {
        var index = nextCapitalisedWord(from: segment.lowerBound, before: segment.upperBound)
        while index < segment.upperBound {
            var end = index + 1
            while end < segment.upperBound {
                if isCapitalisedWord(end) {
                    end += 1
                } else if end + 1 < segment.upperBound, isCapitalisedWord(end + 1),
                    rules.contains(.connectors, hashes[end]) || (isPeriod(end) && isAbbreviation(end - 1))
                        || joinsDesignator(end)
                {
                    end += 2
                } else {
                    break
                }
            }
            // A lone word that starts the segment is a name only as a first name or before a
            // reporting verb (``trimmed(_:segment:)``): most sentences start so, and need no more reading.
            if end > index + 1 || index != segment.lowerBound || token(index, is: .firstName) || followedByPersonVerb(index) {
                applySplittingAtTitles(index ..< end, segment: segment)
            }
            index = nextCapitalisedWord(from: end, before: segment.upperBound)
        }
    }

    /// The first token from `index` on, before `end`, that ``isCapitalisedWord(_:)``, or `end`:
    /// most tokens start no run, so only the capitalised ones (`scratch.capitals`) are read.
    private mutating func nextCapitalisedWord(from index: Int, before end: Int) -> Int {
        var position = capitalPosition(atOrAfter: index)
        let found = withCapitals { capitals in
            scratch.features.withUnsafeBufferPointer { features in
                while position < capitals.count, capitals[position] < end {
                    if features[capitals[position]].intersection([.capitalised, .headline]) == .capitalised { return capitals[position] }
                    position &+= 1
                }
                return end
            }
        }
        scratch.capitalCursor = position
        return found
    }

    /// "Institute for Coastal Studies": a designator connector right after an organisation designator.
    private func joinsDesignator(_ index: Int) -> Bool {
        rules.contains(.designatorConnectors, hashes[index]) && rules.contains(.orgDesignators, hashes[index - 1])
    }

    /// Applies `range` as runs cut before each title inside it that a capitalised word follows:
    /// "West German Finance Minister Gerhard Stoltenberg" is "West German" and, after its title,
    /// "Gerhard Stoltenberg"; "Later Mr Nash" is "Later" (dropped as a sentence's first word) and "Nash".
    /// Title modifiers before the title go with it. A title that is part of a designated name
    /// ("Burger King Corp") or also begins places ("St", "Saint") never cuts.
    private mutating func applySplittingAtTitles(_ range: Range<Int>, segment: Range<Int>) {
        var start = range.lowerBound
        var index = start + 1
        while index + 1 < range.upperBound {
            if cutsRun(at: index, of: range) {
                var before = index
                while before > start, rules.contains(.titleModifiers, hashes[before - 1]) || isPeriod(before - 1) { before -= 1 }
                if before > start, let run = trimmed(start ..< before, segment: segment) { apply(run) }
                start = before
            }
            index += 1
        }
        if let run = trimmed(start ..< range.upperBound, segment: segment) { apply(run) }
    }

    private mutating func cutsRun(at index: Int, of range: Range<Int>) -> Bool {
        let sections = rules.sections(of: hashes[index])
        guard sections.contains(.titles), !sections.contains(.locDesignators), !token(index, is: .lookup),
            isCapitalisedWord(index + 1)
        else { return false }
        if let (_, at) = designator(range), at > index { return false }
        return true
    }

    /// Drops leading titles and non-names, and an unsupported sentence-initial single word.
    private mutating func trimmed(_ range: Range<Int>, segment: Range<Int>) -> Run? {
        var start = range.lowerBound
        var titleBefore = start > segment.lowerBound && rules.contains(.titles, hashes[start - 1])
        while start < range.upperBound {
            // An initial ("A." in "A. J. Rowe") is part of the name, even when it spells a stop word.
            if isInitial(start) { break }
            let sections = rules.sections(of: hashes[start])
            if sections.contains(.titles)
                || (sections.contains(.titleModifiers) && start + 1 < range.upperBound && rules.contains(.titles, hashes[start + 1]))
            {
                titleBefore = sections.contains(.titles) || titleBefore
            } else if !sections.contains(.notNames) && !sections.contains(.connectors) {
                break
            }
            start += 1
        }
        // A name starts with a word, never with the punctuation a trimmed word left behind.
        while start < range.upperBound, tokens.kinds[start] == .punctuation { start += 1 }
        guard start < range.upperBound else { return nil }
        // "Shares of Magna ...": a sentence's first word before a connector is an ordinary word unless it names a kind.
        if start == segment.lowerBound, start + 2 < range.upperBound, rules.contains(.connectors, hashes[start + 1]),
            designator(start ..< start + 1) == nil, !isKindWord(hashes[start])
        {
            start += 2
        }
        // A name never ends with a non-name ("Historic Visit\nThe" at a line break).
        var end = range.upperBound
        while end > start + 1, rules.contains(.notNames, hashes[end - 1]), !isInitial(end - 1) { end -= 1 }
        // Table headings of single letters ("W D L G") are not names.
        if end - start >= 2, (start ..< end).allSatisfy({ byteRange($0).count == 1 }) { return nil }
        if end - start == 1, isNeverANameAlone(start) { return nil }
        if end - start == 1, start == segment.lowerBound, !titleBefore, !token(start, is: .firstName), !followedByPersonVerb(start) { return nil }
        return Run(range: start ..< end, titleBefore: titleBefore)
    }

    /// A single character ("C") or a designator alone ("Corp", "Republic") is not a name.
    private func isNeverANameAlone(_ index: Int) -> Bool {
        byteRange(index).count == 1 || isKindWord(hashes[index])
    }

    /// One upper-case ASCII letter directly followed by a period token: an initial.
    func isInitial(_ index: Int) -> Bool {
        guard index + 1 < tokenCount, tokens.ends[index] - tokens.starts[index] == 1,
            tokens.ends[index] == tokens.starts[index + 1], tokens.ends[index + 1] - tokens.starts[index + 1] == 1
        else { return false }
        let letter = utf8[Int(tokens.starts[index])], next = utf8[Int(tokens.starts[index + 1])]
        return letter >= 0x41 && letter <= 0x5A && next == UInt8(ascii: ".")
    }

    /// A designator or organisation prefix ("University", "Bank", "Lake").
    private func isKindWord(_ hash: UInt64) -> Bool { !rules.sections(of: hash).isDisjoint(with: Self.kindWords) }

    private static let kindWords = NERRules.Sections(.orgDesignators, .locDesignators, .miscDesignators, .orgPrefixes)

    private func followedByPersonVerb(_ index: Int) -> Bool {
        index + 1 < tokenCount && rules.contains(.personVerbs, hashes[index + 1])
    }

    /// Merges a run with the lookups inside it: a designator, title or first name
    /// can claim the whole run (marking those lookups `scratch.removed`); uncovered pieces
    /// are classified on their own. New entities go to `scratch.added`.
    ///
    /// `scratch.candidates` holds the lookups, sorted by start and non-overlapping; their
    /// tokens are marked ``TokenFeatures/lookup``. Runs are disjoint, so a lookup a run
    /// claimed never meets a later run, and inside a run the marked tokens are those its lookups cover.
    /// The lookups that reach into the run are therefore consecutive and none is claimed yet:
    /// `scratch.inside` is their range of positions in `scratch.candidates`.
    /// - Complexity: O(run length), amortised over the runs of a document in order.
    mutating func apply(_ run: Run) {
        let candidates = scratch.candidates
        // Runs come in order, so the first lookup ending after the run's start only moves forward.
        var first = scratch.firstLookupAfterRuns
        while first < candidates.count, candidates[first].end <= run.range.lowerBound { first += 1 }
        scratch.firstLookupAfterRuns = first
        var index = first
        while index < candidates.count, candidates[index].start < run.range.upperBound { index += 1 }
        let inside = first ..< index
        scratch.inside = inside
        if inside.isEmpty {
            addClassified(run.range, titleBefore: run.titleBefore)
            return
        }
        guard inside.allSatisfy({ candidates[$0].start >= run.range.lowerBound && candidates[$0].end <= run.range.upperBound }) else { return }
        let covered = inside.reduce(0) { $0 + candidates[$1].length }
        let onlySingleTokens = inside.allSatisfy { candidates[$0].length == 1 && candidates[$0].label != .organization }
        // A first name looked up as something else ("Tom" as a company) before an unknown word.
        let firstNameLookup = inside.count == 1 && candidates[inside.lowerBound].length == 1 && candidates[inside.lowerBound].start == run.range.lowerBound
        if covered == run.range.count, !onlySingleTokens || inside.count < 2 {
            if run.titleBefore, inside.count == 1, isPlaceReadAsPerson(candidates[inside.lowerBound]) {
                // "President Obama", "Mr Lawson": the person, not the place of that name (so no place id).
                scratch.candidates[inside.lowerBound].label = .person
                scratch.candidates[inside.lowerBound].canonicalID = nil
                scratch.candidates[inside.lowerBound].strength = .rule
            }
            return
        }
        // "Israel and Egypt": names joined by a connector stay separate names.
        if inside.count >= 2, onlyJoinersUncovered(run.range) { return }
        // A list of people ("Mr Lowe and Mary Lowe") is not one person: its pieces are classified below.
        if let label = wholeRunLabel(run, onlySingleTokens: onlySingleTokens || firstNameLookup),
            label != .person || !holdsCoordinator(run.range)
        {
            for index in inside { scratch.removed[index] = true }
            scratch.added.append(Candidate(start: run.range.lowerBound, end: run.range.upperBound, label: label, canonicalID: nil, strength: .rule))
            return
        }
        if covered == run.range.count { return }
        uncoveredPieces(run.range)
        for piece in scratch.pieces {
            addClassified(piece, titleBefore: run.titleBefore && piece.lowerBound == run.range.lowerBound)
        }
    }

    /// Every token of `range` that no lookup covers is a connector or a period.
    private func onlyJoinersUncovered(_ range: Range<Int>) -> Bool {
        range.allSatisfy { token($0, is: .lookup) || isPeriod($0) || !rules.sections(of: hashes[$0]).isDisjoint(with: Self.joiners) }
    }

    /// A one-word place lookup that is also a first name or surname.
    private func isPlaceReadAsPerson(_ candidate: Candidate) -> Bool {
        candidate.label == .location && candidate.length == 1 && token(candidate.start, isAnyOf: [.firstName, .surname])
    }

    /// The label of a partly looked-up run that context claims as one name.
    private mutating func wholeRunLabel(_ run: Run, onlySingleTokens: Bool) -> GazetteerLabel? {
        if let (label, index) = designator(run.range), !token(index, is: .lookup) { return label }
        if let label = compassLabel(run.range) { return label }
        if run.range.count >= 2, rules.contains(.orgPrefixes, hashes[run.range.lowerBound]), !token(run.range.lowerBound, is: .lookup) {
            return .organization
        }
        if run.titleBefore { return .person }
        let first = run.range.lowerBound
        // "the Riverside Otters": a place name and a plural after a determiner name a team, not the place.
        if run.range.count >= 2, first > 0, rules.contains(.determiners, hashes[first - 1]),
            !token(run.range.upperBound - 1, is: .lookup), endsInPlural(run.range.upperBound - 1)
        {
            return .organization
        }
        if token(first, is: .firstName), run.range.count <= 3, !token(first, is: .lookup) || onlySingleTokens { return .person }
        return nil
    }

    /// "West German", "North London": a compass word before one lookup that covers the rest takes its label.
    private func compassLabel(_ range: Range<Int>) -> GazetteerLabel? {
        let first = range.lowerBound
        guard range.count >= 2, rules.contains(.compass, hashes[first]), !token(first, is: .lookup) else { return nil }
        let candidates = scratch.candidates
        guard scratch.inside.count == 1, case let index = scratch.inside.lowerBound, candidates[index].start == first + 1,
            candidates[index].end == range.upperBound
        else { return nil }
        return candidates[index].label
    }

    /// Words a piece never starts with.
    private static let notInPieces = NERRules.Sections(.connectors, .designatorConnectors, .titles, .titleModifiers, .notNames)

    /// The pieces of `range` no lookup covers, without connectors, titles and non-names, into `scratch.pieces`.
    private mutating func uncoveredPieces(_ range: Range<Int>) {
        scratch.pieces.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            if token(index, is: .lookup) || !rules.sections(of: hashes[index]).isDisjoint(with: Self.notInPieces) || isPeriod(index) {
                index += 1
                continue
            }
            var end = index + 1
            while end < range.upperBound, !token(end, is: .lookup) { end += 1 }
            while end > index + 1, !rules.sections(of: hashes[end - 1]).isDisjoint(with: Self.joiners) || isPeriod(end - 1) { end -= 1 }
            scratch.pieces.append(index ..< end)
            index = end
        }
    }
}
