import TextPipeline

/// Turns gazetteer matches into named entities with context rules, in the
/// spirit of GATE's ANNIE: ambiguity control for lookups, capitalised
/// sequences classified by titles, designators, first names and context
/// words, then document-level consistency (see docs/gazetteer.md, "Rules").
///
/// Built once per document by a worker; reads only the document, the
/// matches and the per-token key hashes.
struct RuleTagger {
    /// How an entity was found; weaker ones may be relabelled by document-level consistency.
    enum Strength: Int, Comparable {
        case fallback = 0
        case rule = 1
        case gazetteer = 2
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    struct Candidate {
        var start: Int
        var end: Int
        var label: GazetteerLabel
        /// The entry whose canonical id the entity takes (nil: found by rules alone).
        var canonicalID: EntryReference?
        var strength: Strength
        var length: Int { end - start }
    }

    let rules: NERRules
    let document: Document
    let segments: [Range<Int>]
    let hashes: GazetteerMatcher.TokenHashes
    let features: TokenFeatures
    let gazetteers: [CompiledGazetteer]
    /// Per token: a first-name / surname entry starts here.
    var firstName: [Bool]
    var surname: [Bool]
    /// Per token: its segment is written in capitals (a headline), so case says nothing.
    var headline: [Bool]
    /// Per token: the first token of its segment.
    var segmentStart: [Bool]
    /// Per word (key hash): how often the article writes it capitalised inside a sentence, and in lower case.
    var caseCounts = WordHashMap<(capitalised: Int, lower: Int)>()

    init(rules: NERRules, document: Document, segments: [Range<Int>], matches: [GazetteerMatch],
         hashes: GazetteerMatcher.TokenHashes, gazetteers: [CompiledGazetteer]) {
        self.rules = rules
        self.document = document
        self.segments = segments
        self.hashes = hashes
        self.gazetteers = gazetteers
        features = TokenFeatures(document)
        let count = document.tokens.count
        firstName = [Bool](repeating: false, count: count)
        surname = [Bool](repeating: false, count: count)
        headline = [Bool](repeating: false, count: count)
        segmentStart = [Bool](repeating: false, count: count)
        for match in matches where match.length == 1 {
            if match.kind == .firstName { firstName[match.start] = true }
            if match.kind == .surname { surname[match.start] = true }
        }
        let countCases = rules.fallbackRepeated != nil
        for index in 0 ..< count where countCases && document.tokens.kinds[index] == .word {
            if features.lowercase[index] { caseCounts.update(hashes[index], initial: (0, 0)) { $0.lower += 1 } }
        }
        for segment in segments where !segment.isEmpty {
            for index in segment.dropFirst() where countCases && features.capitalised[index] && !features.allCaps[index] {
                caseCounts.update(hashes[index], initial: (0, 0)) { $0.capitalised += 1 }
            }
            segmentStart[segment.lowerBound] = true
            let isHeadline = isHeadlineSegment(segment)
            for index in segment { headline[index] = isHeadline }
        }
    }

    /// Entities for the document, sorted and non-overlapping, from the entity matches
    /// left after overlap resolution (`chosen`).
    func tag(_ chosen: [GazetteerMatch]) -> [FoundEntity] {
        var candidates: [Candidate] = []
        for match in chosen where keep(match) {
            candidates.append(Candidate(start: match.start, end: match.end, label: match.label,
                                        canonicalID: match.reference, strength: .gazetteer))
        }
        var removed = [Bool](repeating: false, count: candidates.count)
        var added: [Candidate] = []
        for segment in segments where !segment.isEmpty && !headline[segment.lowerBound] {
            for run in capitalisedRuns(segment) { apply(run, lookups: candidates, removed: &removed, added: &added) }
        }
        candidates = zip(candidates, removed).filter { !$0.1 }.map(\.0) + added
        candidates.sort { $0.start < $1.start }
        relabelTeams(&candidates)
        inheritAcronyms(&candidates)
        propagatePersons(&candidates)
        propagateOrganisations(&candidates)
        propagateSurfaces(&candidates)
        return candidates.map { FoundEntity(start: $0.start, end: $0.end, label: $0.label, canonicalID: $0.canonicalID) }
    }

    /// More than half of the segment's words of two letters or more are in capitals.
    private func isHeadlineSegment(_ segment: Range<Int>) -> Bool {
        var words = 0, caps = 0
        for index in segment where document.tokens.kinds[index] == .word && document.tokens.ends[index] - document.tokens.starts[index] >= 2 {
            words += 1
            if features.allCaps[index] { caps += 1 }
        }
        return caps >= 2 && caps * 2 > words
    }

    /// Ambiguity control for lookups: a capitalised entry needs a capitalised token
    /// (outside headlines), and single words that are common capitalised non-names are dropped.
    private func keep(_ match: GazetteerMatch) -> Bool {
        guard (match.start ..< match.end).contains(where: { document.tokens.kinds[$0].isWordLike }) else { return false }
        if match.length == 1 {
            let hash = hashes[match.start]
            for section in [NERRules.Section.notNames, .titles, .orgDesignators, .locDesignators, .miscDesignators] where rules.contains(section, hash) {
                return false
            }
        }
        if !headline[match.start], features.lowercase[match.start], entryIsCapitalised(match) { return false }
        return true
    }

    private func entryIsCapitalised(_ match: GazetteerMatch) -> Bool {
        guard let record = gazetteers[match.gazetteer].entry(match.entry),
              let forms = gazetteers[match.gazetteer].forms(of: record),
              let first = TokenFeatures.firstScalar(forms) else { return false }
        return first.properties.isUppercase
    }
}
