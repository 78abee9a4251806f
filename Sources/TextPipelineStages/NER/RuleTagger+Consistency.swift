import TextPipeline

/// Document-level consistency: one name, one reading per article.
extension RuleTagger {
    /// "World Health Organization (WHO)": an all-capital word in parentheses right
    /// after an entity takes its label and id.
    /// - Complexity: O(n log n) in the number of candidates: the candidate at the acronym
    ///   is found by binary search (they are sorted by start and non-overlapping).
    mutating func inheritAcronyms() {
        scratch.added.removeAll(keepingCapacity: true)
        // Only single-token candidates are relabelled, so the longer ones read here stay as they were.
        for position in scratch.candidates.indices where scratch.candidates[position].length >= 2 {
            let candidate = scratch.candidates[position]
            let open = candidate.end, acronym = open + 1, close = open + 2
            guard close < tokenCount, isByte(open, 0x28), isByte(close, 0x29), token(acronym, is: .allCaps) else { continue }
            let index = firstCandidate(endingAfter: acronym)
            let covering = index < scratch.candidates.count && scratch.candidates[index].start <= acronym
            if covering, scratch.candidates[index].start == acronym, scratch.candidates[index].end == acronym + 1 {
                if scratch.candidates[index].strength < .gazetteer { scratch.candidates[index].label = candidate.label }
            } else if !covering {
                scratch.added.append(
                    Candidate(
                        start: acronym, end: acronym + 1, label: candidate.label,
                        canonicalID: candidate.canonicalID, strength: .rule))
            }
        }
        merge()
    }

    /// The index of the first candidate that ends after token `token` (the one covering it, if
    /// any, since candidates are sorted by start and non-overlapping), or the candidate count.
    private func firstCandidate(endingAfter token: Int) -> Int {
        var low = 0, high = scratch.candidates.count
        while low < high {
            let mid = (low + high) / 2
            if scratch.candidates[mid].end <= token { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// After "Vladimir Putin", a lone "Putin" anywhere in the article is that person, with the same id.
    mutating func propagatePersons() {
        scratch.people.removeAll(reservingCapacity: scratch.candidates.count)
        for candidate in scratch.candidates where candidate.label == .person && candidate.length >= 2 && candidate.strength >= .rule {
            // Titles and non-names inside a person's name ("Pope Francis", "Mr Nash") are not the person alone.
            for index in candidate.start ..< candidate.end
            where token(index, isAnyOf: [.capitalised, .headline])
                && rules.sections(of: hashes[index]).isDisjoint(with: Self.notPersonAlone)
            {
                scratch.people.insertIfAbsent(hashes[index], candidate)
            }
        }
        guard !scratch.people.isEmpty else { return }
        for index in scratch.candidates.indices where scratch.candidates[index].length == 1 && scratch.candidates[index].label != .miscellaneous {
            if let person = scratch.people[hashes[scratch.candidates[index].start]],
                scratch.candidates[index].label != .person || scratch.candidates[index].canonicalID == nil
            {
                scratch.candidates[index].label = .person
                scratch.candidates[index].canonicalID = person.canonicalID
            }
        }
        scratch.added.removeAll(keepingCapacity: true)
        for index in scratch.openCapitals where !token(index, is: .covered) {
            if let person = scratch.people[hashes[index]] {
                scratch.added.append(Candidate(start: index, end: index + 1, label: .person, canonicalID: person.canonicalID, strength: .rule))
            }
        }
        merge()
    }

    private static let notPersonAlone = NERRules.Sections(.titles, .notNames)

    /// After "Magna International Inc" or "Ruch SA", "Magna" and "Ruch" are that organisation:
    /// the name without its designators, found elsewhere in the article, is relabelled or added.
    mutating func propagateOrganisations() {
        scratch.names.removeAll(reservingCapacity: scratch.candidates.count)
        scratch.nameStarts.removeAll()
        scratch.lengths.removeAll(keepingCapacity: true)
        for candidate in scratch.candidates where candidate.label == .organization && candidate.length >= 2 {
            var end = candidate.end
            while end > candidate.start + 1, rules.contains(.orgDesignators, hashes[end - 1]) || isPeriod(end - 1) { end -= 1 }
            guard end < candidate.end else { continue }
            let name = (length: end - candidate.start, source: candidate)
            let key = sequenceHash(candidate.start ..< end)
            scratch.names.update(key, initial: name) { $0 = name }
            scratch.nameStarts.insert(hashes[candidate.start])
            Self.note(name.length, in: &scratch.lengths)
        }
        guard !scratch.names.isEmpty else { return }
        for index in scratch.candidates.indices
        where scratch.candidates[index].label != .organization && scratch.candidates[index].strength < .gazetteer
            || scratch.candidates[index].length == 1 && scratch.candidates[index].label == .location
        {
            if let (_, source) = scratch.names[sequenceHash(scratch.candidates[index].start ..< scratch.candidates[index].end)] {
                scratch.candidates[index].label = .organization
                scratch.candidates[index].canonicalID = source.canonicalID
                scratch.candidates[index].strength = .rule
            }
        }
        // Longest name first: a hash table's order is arbitrary, so "Executive Life" must not lose
        // to "Executive" by chance. Names of one length differ in hash, so one lookup per length finds the name.
        scratch.lengths.sort(by: >)
        scratch.added.removeAll(keepingCapacity: true)
        for index in scratch.openCapitals
        where token(index, is: .capitalised) && !token(index, is: .covered) && scratch.nameStarts.mayContain(hashes[index]) {
            let stretch = uncoveredStretch(from: index)
            for length in scratch.lengths where length <= stretch {
                let range = index ..< index + length
                guard let name = scratch.names[sequenceHash(range)], name.length == length else { continue }
                scratch.added.append(
                    Candidate(start: index, end: range.upperBound, label: .organization, canonicalID: name.source.canonicalID, strength: .rule))
                break
            }
        }
        merge()
    }

    /// A weakly guessed name takes the label of the same words found by a lookup
    /// or a rule elsewhere in the article; capitalised repeats that no rule caught are added.
    mutating func propagateSurfaces() {
        scratch.known.removeAll(reservingCapacity: scratch.candidates.count)
        scratch.knownStarts.removeAll()
        scratch.lengths.removeAll(keepingCapacity: true)
        for candidate in scratch.candidates where candidate.strength >= .rule {
            let key = sequenceHash(candidate.start ..< candidate.end)
            scratch.known.update(key, initial: candidate) { if $0.strength < candidate.strength { $0 = candidate } }
            scratch.knownStarts.insert(hashes[candidate.start])
            Self.note(candidate.length, in: &scratch.lengths)
        }
        for index in scratch.candidates.indices where scratch.candidates[index].strength == .fallback {
            if let source = scratch.known[sequenceHash(scratch.candidates[index].start ..< scratch.candidates[index].end)] {
                scratch.candidates[index].label = source.label
                scratch.candidates[index].canonicalID = source.canonicalID
                scratch.candidates[index].strength = .rule
            }
        }
        scratch.lengths.sort(by: >)
        scratch.added.removeAll(keepingCapacity: true)
        var next = 0  // A repeat found is skipped whole.
        for index in scratch.openCapitals where index >= next && !token(index, is: .covered) && scratch.knownStarts.mayContain(hashes[index]) {
            let stretch = uncoveredStretch(from: index)
            for length in scratch.lengths where length <= stretch {
                guard let source = scratch.known[sequenceHash(index ..< index + length)] else { continue }
                scratch.added.append(Candidate(start: index, end: index + length, label: source.label, canonicalID: source.canonicalID, strength: .rule))
                next = index + length
                break
            }
        }
        merge()
    }

    /// How many tokens from `index` on no entity covers, up to the longest of `scratch.lengths`
    /// (the names that may start at `index` fit in them).
    private func uncoveredStretch(from index: Int) -> Int {
        let end = min(tokenCount, index + (scratch.lengths.first ?? 0))
        var stretch = index
        while stretch < end, !token(stretch, is: .covered) { stretch += 1 }
        return stretch - index
    }

    /// Marks the tokens of every candidate ``TokenFeatures/covered`` and lists the capitalised
    /// (or all-capital) tokens left uncovered in `scratch.openCapitals`.
    mutating func markCoverage() {
        markCovered(scratch.candidates)
        scratch.openCapitals.removeAll(keepingCapacity: true)
        let features = scratch.features
        let capitals = scratch.capitals
        features.withUnsafeBufferPointer { features in
            for index in capitals[0 ..< scratch.capitalCount] where !features[index].contains(.covered) { scratch.openCapitals.append(index) }
        }
    }

    private mutating func markCovered(_ candidates: [Candidate]) {
        for candidate in candidates {
            for index in candidate.start ..< candidate.end { scratch.features[index].insert(.covered) }
        }
    }

    /// Adds `length` to the distinct lengths of the names a rule put in its table (`lengths`),
    /// as it puts each in: one name per key, and a key hashes the name's words, so these are the
    /// lengths of the table's values (two names of different lengths would need equal 64-bit hashes).
    @inline(__always)
    private static func note(_ length: Int, in lengths: inout [Int]) {
        if !lengths.contains(length) { lengths.append(length) }
    }

    /// Inlined: called from the mutating rules, a call would pass it a copy of the tagger.
    @inline(__always)
    private func sequenceHash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in range { hash = (hash ^ hashes[index]) &* 0xff51_afd7_ed55_8ccd }
        return hash
    }

    func isPeriod(_ token: Int) -> Bool { isByte(token, 0x2E) }

    func isByte(_ token: Int, _ byte: UInt8) -> Bool {
        let range = byteRange(token)
        return range.count == 1 && utf8[range.lowerBound] == byte
    }

    /// Adds `scratch.added` to the candidates, marking their tokens covered, and sorts them by start.
    ///
    /// The candidates are sorted by start, and each rule adds in token order, so the two lists are
    /// merged in place from the back in O(n): on equal starts the candidates already there stay
    /// first, as a stable sort of the two lists one after the other leaves them. Should `added`
    /// be out of order, the whole list is sorted instead.
    mutating func merge() {
        guard !scratch.added.isEmpty else { return }
        markCovered(scratch.added)
        let added = scratch.added
        guard Self.isSortedByStart(added) else {
            scratch.candidates += added
            scratch.candidates.sort { $0.start < $1.start }
            return
        }
        var kept = scratch.candidates.count - 1
        scratch.candidates += added
        scratch.candidates.withUnsafeMutableBufferPointer { all in
            var next = all.count - 1, source = added.count - 1
            while source >= 0 {
                if kept >= 0, all[kept].start > added[source].start {
                    all[next] = all[kept]
                    kept -= 1
                } else {
                    all[next] = added[source]
                    source -= 1
                }
                next -= 1
            }
        }
    }

    private static func isSortedByStart(_ candidates: [Candidate]) -> Bool {
        candidates.indices.dropFirst().allSatisfy { candidates[$0 - 1].start <= candidates[$0].start }
    }
}
