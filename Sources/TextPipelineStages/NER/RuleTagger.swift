import TextPipeline

/// Turns gazetteer matches into named entities with context rules, in the
/// spirit of GATE's ANNIE: ambiguity control for lookups, capitalised
/// sequences classified by titles, designators, first names and context
/// words, then document-level consistency (see docs/gazetteer.md, "Rules").
///
/// Built per document by ``tag(_:matches:rules:document:segments:hashes:gazetteers:scratch:)``
/// around the worker's ``Scratch``, swapped in for the document and back out; reads only the document's
/// tokens and bytes, the matches and the per-token key hashes. It holds the two columns it reads,
/// not the whole ``Document``, so building and dropping it per document touches few references.
///
/// The helpers called per run or lookup (``classify(_:titleBefore:)``, ``designator(_:)``,
/// trimming and cutting runs, the ambiguity control) are `mutating` although they only read:
/// called from a mutating method, a non-mutating one gets a copy of the whole tagger
/// (one `memcpy` per call), while a mutating one gets its address.
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

    /// The buffers a worker keeps across documents, so that tagging a document allocates
    /// nothing once they have grown to the largest document's size.
    struct Scratch {
        /// Per token of the document: ``TokenFeatures``.
        var features: [TokenFeatures] = []
        /// The capitalised or all-capital tokens of the document, ascending, in the first `capitalCount`
        /// elements (``TokenFeatures/compute(_:text:into:capitals:)``): the only tokens a name or a
        /// headline's evidence starts at, walked instead of every token (read them with ``withCapitals(_:)``).
        var capitals: [Int] = []
        var capitalCount = 0
        /// Where the last ``capitalPosition(atOrAfter:)`` stopped in `capitals`: the walk starts there.
        var capitalCursor = 0
        /// The entities so far, sorted by start and non-overlapping; the result after ``tag``.
        var candidates: [Candidate] = []
        /// Per lookup in `candidates` while runs are applied: claimed by a whole run.
        var removed: [Bool] = []
        var added: [Candidate] = []
        /// The lookups (positions in `candidates`) inside the run being applied, and the run's
        /// pieces no lookup covers.
        var inside: Range<Int> = 0 ..< 0
        var pieces: [Range<Int>] = []
        /// While runs are applied, in order: the first lookup in `candidates` that ends after the
        /// last run's start (``apply(_:)``).
        var firstLookupAfterRuns = 0
        /// The lines that stand alone, while Title Case lines are marked (``markTitleCaseLines()``).
        var lines: [Range<Int>] = []
        /// Capitalised or all-capital tokens no entity covered after the runs, in order: where the
        /// consistency rules look for repeats (coverage only grows, so each rule checks again).
        var openCapitals: [Int] = []
        /// Distinct lengths of the names a consistency rule looks for, longest first.
        var lengths: [Int] = []
        /// Per word (key hash): how often the article writes it capitalised inside a sentence, and in lower case.
        var caseCounts = WordHashMap<(capitalised: Int, lower: Int)>()
        /// Tables of the consistency rules (``propagatePersons()`` and its siblings).
        var people = WordHashMap<Candidate>()
        var names = WordHashMap<(length: Int, source: Candidate)>()
        var known = WordHashMap<Candidate>()

        /// The first words of the keys of `names` and `known`: a position whose word is not among
        /// them starts no repeat, so the rules skip it without hashing its stretch.
        var nameStarts = WordHashFilter()
        var knownStarts = WordHashFilter()
        // A new scratch allocates nothing (its arrays are empty, its filters allocate on first use):
        // ``tag(_:matches:rules:document:segments:hashes:gazetteers:scratch:)`` builds one per document
        // to stand in for the worker's while the tagger holds that.
    }

    let rules: NERRules
    /// The document's tokens and its UTF-8 bytes.
    let tokens: TokenLayer
    let utf8: [UInt8]
    let segments: [Range<Int>]
    let hashes: GazetteerMatcher.TokenHashes
    let gazetteers: [CompiledGazetteer]
    var scratch: Scratch

    /// Tags `document` from the entity matches left after overlap resolution (`chosen`) and
    /// every match (`matches`, for first names and surnames), leaving its entities, sorted and
    /// non-overlapping, in `scratch.candidates`.
    static func tag(
        _ chosen: [GazetteerMatch], matches: [GazetteerMatch], rules: NERRules, document: Document,
        segments: [Range<Int>], hashes: GazetteerMatcher.TokenHashes, gazetteers: [CompiledGazetteer],
        scratch: inout Scratch
    ) {
        var tagger = RuleTagger(
            rules: rules, tokens: document.tokens, utf8: document.utf8, segments: segments, hashes: hashes,
            gazetteers: gazetteers, scratch: Scratch())
        // Swapped in and out, so the worker's buffers stay uniquely referenced and are never retained.
        swap(&tagger.scratch, &scratch)
        tagger.prepare(matches)
        tagger.tag(chosen)
        swap(&tagger.scratch, &scratch)
    }

    private mutating func tag(_ chosen: [GazetteerMatch]) {
        collectLookups(chosen)
        for segment in segments where !segment.isEmpty && !token(segment.lowerBound, is: .headline) {
            capitalisedRuns(segment)
        }
        removeClaimedLookups()
        markCoverage()
        relabelTeams()
        inheritAcronyms()
        propagatePersons()
        propagateOrganisations()
        propagateSurfaces()
    }

    /// The number of tokens (``TokenLayer/count``, read here without a call into the module that declares it).
    @inline(__always)
    var tokenCount: Int { tokens.starts.count }

    /// The bytes of token `index` (``TokenLayer/byteRange(_:)``, read here without a call).
    @inline(__always)
    func byteRange(_ index: Int) -> Range<Int> { Int(tokens.starts[index]) ..< Int(tokens.ends[index]) }

    /// Whether token `index` has every bit of `feature`.
    @inline(__always)
    func token(_ index: Int, is feature: TokenFeatures) -> Bool { scratch.features[index].contains(feature) }

    /// Whether token `index` has some bit of `features`.
    @inline(__always)
    func token(_ index: Int, isAnyOf features: TokenFeatures) -> Bool { !scratch.features[index].isDisjoint(with: features) }

    /// Token features, first-name and surname starts, segment starts, headlines in capitals and
    /// Title Case lines, and (when a rule reads them) the article's case counts.
    private mutating func prepare(_ matches: [GazetteerMatch]) {
        scratch.capitalCount = TokenFeatures.compute(tokens, text: utf8, into: &scratch.features, capitals: &scratch.capitals)
        scratch.capitalCursor = 0
        let segments = segments
        let capitals = scratch.capitals, capitalCount = scratch.capitalCount
        scratch.features.withUnsafeMutableBufferPointer { features in
            for match in matches where match.length == 1 {
                if match.kind == .firstName { features[match.start].insert(.firstName) }
                if match.kind == .surname { features[match.start].insert(.surname) }
            }
            capitals.withUnsafeBufferPointer { all in
                let capitals = UnsafeBufferPointer(rebasing: all[0 ..< capitalCount])
                var position = 0
                for segment in segments where !segment.isEmpty {
                    features[segment.lowerBound].insert(.segmentStart)
                    // Only all-capital words vote for a headline: fewer than two rule it out
                    // without reading the segment's other tokens.
                    position = Self.lowerBound(segment.lowerBound, in: capitals, hint: position)
                    var caps = 0
                    while position < capitals.count, capitals[position] < segment.upperBound {
                        if features[capitals[position]].contains(.allCaps) { caps += 1 }
                        position += 1
                    }
                    if caps >= 2, Self.isHeadline(features[segment]) {
                        for index in segment { features[index].insert(.headline) }
                    }
                }
            }
        }
        markTitleCaseLines()
        if rules.fallbackRepeated != nil { countCases() }
    }

    /// More than half of the segment's words of two letters or more are in capitals.
    ///
    /// Counted without branches, one bit per token: only words of two bytes or more are
    /// ``TokenFeatures/allCaps`` (it needs two letters), so the capitals are among the words counted.
    private static func isHeadline(_ segment: Slice<UnsafeMutableBufferPointer<TokenFeatures>>) -> Bool {
        let wordBit = TokenFeatures.longWord.rawValue.trailingZeroBitCount
        let capsBit = TokenFeatures.allCaps.rawValue.trailingZeroBitCount
        // 32-bit counts: a segment has fewer than 2^31 tokens (offsets are Int32), and narrow lanes vectorise wider.
        var words: UInt32 = 0, caps: UInt32 = 0
        for features in segment {
            words &+= UInt32(features.rawValue >> wordBit & 1)
            caps &+= UInt32(features.rawValue >> capsBit & 1)
        }
        return caps >= 2 && UInt64(caps) * 2 > UInt64(words)
    }

    /// The first position in `capitals` (ascending) whose token is at or after `token`, or the
    /// count: walked forward from `hint` when the answer lies after it, else found by binary search.
    /// - Complexity: O(the positions walked); a document's ascending queries walk the list once.
    @inline(__always)
    static func lowerBound(_ token: Int, in capitals: UnsafeBufferPointer<Int>, hint: Int) -> Int {
        var position = hint
        if position > capitals.count || position > 0 && capitals[position - 1] >= token {
            var low = 0, high = min(position, capitals.count)
            while low < high {
                let mid = (low + high) / 2
                if capitals[mid] < token { low = mid + 1 } else { high = mid }
            }
            return low
        }
        while position < capitals.count, capitals[position] < token { position += 1 }
        return position
    }

    /// Calls `body` with the document's capitalised or all-capital tokens, ascending (`scratch.capitals`).
    @inline(__always)
    func withCapitals<Result>(_ body: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        let count = scratch.capitalCount
        return scratch.capitals.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0 ..< count])) }
    }

    /// The position in `scratch.capitals` of the first capitalised or all-capital token at or after
    /// `token` (or the list's count), walking on from where the last call stopped.
    @inline(__always)
    mutating func capitalPosition(atOrAfter token: Int) -> Int {
        let hint = scratch.capitalCursor
        let position = withCapitals { Self.lowerBound(token, in: $0, hint: hint) }
        scratch.capitalCursor = position
        return position
    }

    /// Counts every word in lower case, and capitalised (not all capitals) after its segment's first token.
    private mutating func countCases() {
        scratch.caseCounts.removeAll(reservingCapacity: scratch.features.count)
        // Only words carry case bits (``TokenFeatures/compute(_:text:into:)``).
        for index in scratch.features.indices where token(index, is: .lowercase) {
            scratch.caseCounts.update(hashes[index], initial: (0, 0)) { $0.lower += 1 }
        }
        for segment in segments where !segment.isEmpty {
            for index in segment.dropFirst() where token(index, is: .capitalised) && !token(index, is: .allCaps) {
                scratch.caseCounts.update(hashes[index], initial: (0, 0)) { $0.capitalised += 1 }
            }
        }
    }

    /// The lookups that pass the ambiguity control become candidates, their tokens marked ``TokenFeatures/lookup``.
    private mutating func collectLookups(_ chosen: [GazetteerMatch]) {
        scratch.candidates.removeAll(keepingCapacity: true)
        for match in chosen where keep(match) {
            scratch.candidates.append(
                Candidate(
                    start: match.start, end: match.end, label: match.label,
                    canonicalID: match.reference, strength: .gazetteer))
            for index in match.start ..< match.end { scratch.features[index].insert(.lookup) }
        }
        scratch.removed.removeAll(keepingCapacity: true)
        scratch.removed.append(contentsOf: repeatElement(false, count: scratch.candidates.count))
        scratch.added.removeAll(keepingCapacity: true)
        scratch.firstLookupAfterRuns = 0
    }

    /// Drops the lookups whole runs claimed, adds the runs' entities, and sorts.
    private mutating func removeClaimedLookups() {
        var kept = 0
        for index in scratch.candidates.indices where !scratch.removed[index] {
            scratch.candidates[kept] = scratch.candidates[index]
            kept += 1
        }
        scratch.candidates.removeLast(scratch.candidates.count - kept)
        merge()
    }

    /// Ambiguity control for lookups: a capitalised entry needs a capitalised token
    /// (outside headlines); single words that are common capitalised non-names or a single
    /// character ("C", "I") are dropped, and so are lookups with no word that could start a
    /// name, only lower-case words and non-names ("I believe").
    private mutating func keep(_ match: GazetteerMatch) -> Bool {
        guard (match.start ..< match.end).contains(where: { tokens.kinds[$0].isWordLike }) else { return false }
        if match.length == 1, !rules.sections(of: hashes[match.start]).isDisjoint(with: Self.notNamesAlone) { return false }
        if match.length == 1, byteRange(match.start).count == 1 { return false }
        guard !token(match.start, is: .headline) else { return true }
        if token(match.start, is: .lowercase), entryIsCapitalised(match) { return false }
        if isSmallPlaceNamedLikeAPerson(match) { return false }
        return (match.start ..< match.end).contains { index in
            token(index, is: .allCaps) || token(index, is: .capitalised) && !rules.contains(.notNames, hashes[index])
        } || !(match.start ..< match.end).contains { token($0, is: .capitalised) }
    }

    /// "Obama", "Lawson", "David": a one-word place of no priority (a small town) that is also a first
    /// name or surname is a place only after a place preposition ("in Obama"); elsewhere the
    /// person rules decide ("Mr Lawson", "Obama said").
    /// Inlined: called per lookup from ``keep(_:)``, a call would pass it a copy of the tagger.
    @inline(__always)
    private func isSmallPlaceNamedLikeAPerson(_ match: GazetteerMatch) -> Bool {
        guard match.length == 1, match.label == .location, match.priority <= 0,
            token(match.start, isAnyOf: [.firstName, .surname])
        else { return false }
        return match.start == 0 || !rules.contains(.locPrepositions, hashes[match.start - 1])
    }

    /// What a single-word lookup must not be: a non-name, a title or a designator.
    private static let notNamesAlone = NERRules.Sections(.notNames, .titles, .orgDesignators, .locDesignators, .miscDesignators)

    private func entryIsCapitalised(_ match: GazetteerMatch) -> Bool {
        guard let record = gazetteers[match.gazetteer].entry(match.entry),
            let forms = gazetteers[match.gazetteer].forms(of: record),
            let first = TokenFeatures.firstScalar(forms)
        else { return false }
        return first.properties.isUppercase
    }
}
