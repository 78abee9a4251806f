import TextPipeline

/// Document-level consistency: one name, one reading per article.
extension RuleTagger {
    /// "World Health Organization (WHO)": an all-capital word in parentheses right
    /// after an entity takes its label and id.
    func inheritAcronyms(_ candidates: inout [Candidate]) {
        let tokens = document.tokens
        var added: [Candidate] = []
        for candidate in candidates where candidate.length >= 2 {
            let open = candidate.end, acronym = open + 1, close = open + 2
            guard close < tokens.count, isByte(open, 0x28), isByte(close, 0x29), features.allCaps[acronym] else { continue }
            if let index = candidates.firstIndex(where: { $0.start == acronym && $0.end == acronym + 1 }) {
                if candidates[index].strength < .gazetteer { candidates[index].label = candidate.label }
            } else if !candidates.contains(where: { $0.start <= acronym && $0.end > acronym }) {
                added.append(Candidate(start: acronym, end: acronym + 1, label: candidate.label,
                                       canonicalID: candidate.canonicalID, strength: .rule))
            }
        }
        merge(added, into: &candidates)
    }

    /// After "Vladimir Putin", a lone "Putin" anywhere in the article is that person, with the same id.
    func propagatePersons(_ candidates: inout [Candidate]) {
        var people = WordHashMap<Candidate>()
        for candidate in candidates where candidate.label == .person && candidate.length >= 2 && candidate.strength >= .rule {
            for index in candidate.start ..< candidate.end where features.capitalised[index] || headline[index] {
                people.insertIfAbsent(hashes[index], candidate)
            }
        }
        guard !people.isEmpty else { return }
        for index in candidates.indices where candidates[index].length == 1 && candidates[index].label != .miscellaneous {
            if let person = people[hashes[candidates[index].start]], candidates[index].label != .person || candidates[index].canonicalID == nil {
                candidates[index].label = .person
                candidates[index].canonicalID = person.canonicalID
            }
        }
        var added: [Candidate] = []
        let covered = coverage(candidates)
        for index in 0 ..< document.tokens.count where (features.capitalised[index] || features.allCaps[index]) && !covered[index] {
            if let person = people[hashes[index]] {
                added.append(Candidate(start: index, end: index + 1, label: .person, canonicalID: person.canonicalID, strength: .rule))
            }
        }
        merge(added, into: &candidates)
    }

    /// After "Magna International Inc" or "Ruch SA", "Magna" and "Ruch" are that organisation:
    /// the name without its designators, found elsewhere in the article, is relabelled or added.
    func propagateOrganisations(_ candidates: inout [Candidate]) {
        var names = WordHashMap<(length: Int, source: Candidate)>()
        for candidate in candidates where candidate.label == .organization && candidate.length >= 2 {
            var end = candidate.end
            while end > candidate.start + 1, rules.contains(.orgDesignators, hashes[end - 1]) || isPeriod(end - 1) { end -= 1 }
            guard end < candidate.end else { continue }
            let name = (length: end - candidate.start, source: candidate)
            names.update(sequenceHash(candidate.start ..< end), initial: name) { $0 = name }
        }
        guard !names.isEmpty else { return }
        for index in candidates.indices where candidates[index].label != .organization && candidates[index].strength < .gazetteer
            || candidates[index].length == 1 && candidates[index].label == .location {
            if let (_, source) = names[sequenceHash(candidates[index].start ..< candidates[index].end)] {
                candidates[index].label = .organization
                candidates[index].canonicalID = source.canonicalID
                candidates[index].strength = .rule
            }
        }
        // Longest name first: a hash table's order is arbitrary (a `Dictionary`'s is even seeded
        // per process), so "Executive Life" must not lose to "Executive" by chance.
        let longestFirst = names.pairs.sorted { $0.value.length > $1.value.length }
        var added: [Candidate] = []
        let covered = coverage(candidates)
        for index in 0 ..< document.tokens.count where features.capitalised[index] && !covered[index] {
            for (key, name) in longestFirst where index + name.length <= document.tokens.count {
                let range = index ..< index + name.length
                if sequenceHash(range) == key, !range.contains(where: { covered[$0] }) {
                    added.append(Candidate(start: index, end: range.upperBound, label: .organization, canonicalID: name.source.canonicalID, strength: .rule))
                    break
                }
            }
        }
        merge(added, into: &candidates)
    }

    /// A weakly guessed name takes the label of the same words found by a lookup
    /// or a rule elsewhere in the article; capitalised repeats that no rule caught are added.
    func propagateSurfaces(_ candidates: inout [Candidate]) {
        var known = WordHashMap<Candidate>()
        for candidate in candidates where candidate.strength >= .rule {
            let key = sequenceHash(candidate.start ..< candidate.end)
            known.update(key, initial: candidate) { if $0.strength < candidate.strength { $0 = candidate } }
        }
        for index in candidates.indices where candidates[index].strength == .fallback {
            if let source = known[sequenceHash(candidates[index].start ..< candidates[index].end)] {
                candidates[index].label = source.label
                candidates[index].canonicalID = source.canonicalID
                candidates[index].strength = .rule
            }
        }
        let lengths = Set(known.pairs.map(\.value.length)).sorted(by: >)
        var added: [Candidate] = []
        let covered = coverage(candidates)
        var index = 0
        while index < document.tokens.count {
            var advanced = false
            if features.capitalised[index] || features.allCaps[index], !covered[index] {
                for length in lengths where index + length <= document.tokens.count {
                    let range = index ..< index + length
                    guard !range.contains(where: { covered[$0] }), let source = known[sequenceHash(range)] else { continue }
                    added.append(Candidate(start: index, end: index + length, label: source.label, canonicalID: source.canonicalID, strength: .rule))
                    index += length
                    advanced = true
                    break
                }
            }
            if !advanced { index += 1 }
        }
        merge(added, into: &candidates)
    }

    private func sequenceHash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in range { hash = (hash ^ hashes[index]) &* 0xff51_afd7_ed55_8ccd }
        return hash
    }

    func isPeriod(_ token: Int) -> Bool { isByte(token, 0x2E) }

    func isByte(_ token: Int, _ byte: UInt8) -> Bool {
        let range = document.tokens.byteRange(token)
        return range.count == 1 && document.utf8[range.lowerBound] == byte
    }

    /// Per token: some candidate covers it.
    private func coverage(_ candidates: [Candidate]) -> [Bool] {
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for candidate in candidates {
            for index in candidate.start ..< candidate.end { covered[index] = true }
        }
        return covered
    }

    private func merge(_ added: [Candidate], into candidates: inout [Candidate]) {
        guard !added.isEmpty else { return }
        candidates += added
        candidates.sort { $0.start < $1.start }
    }
}
