import TextPipeline

/// Finds every gazetteer match in a document: the pure half of the stage.
///
/// Per token, the folded key is computed and hashed once (no strings are
/// created); each gazetteer maps the hash to a token id, and the trie is
/// walked over integer ids from every start position inside each sentence.
/// A candidate is kept only when its tokens also agree with the entry in the
/// entry's effective ``NormalizationMode``.
/// - Complexity: O(tokens × longest entry) per gazetteer, independent of the number of entries.
struct GazetteerMatcher {
    let gazetteers: [CompiledGazetteer]
    let options: MatchOptions
    /// Per gazetteer: what its vocabulary holds for a one-byte ASCII token, by folded byte, looked up
    /// once per worker (``singleByteEntries(_:)``): punctuation and initials, one token in seven in
    /// news text; row 128 is ``CompiledGazetteer/TokenEntry/absent``, for every other token.
    private let singleBytes: [[CompiledGazetteer.TokenEntry]]
    var normalizer = KeyNormalizer()
    /// Entry pieces in the forms verification compares, normalised once per worker.
    var entryForms = EntryFormCache()
    /// Folded keys of the current document's non-ASCII tokens.
    private var keyPool: [UInt8] = []
    /// Folded keys of the non-ASCII tokens met so far, so that each is folded once per worker.
    private var foldedKeys = FoldedKeyCache()
    /// Per token of the current document (the first ``tokenCount`` rows; the rest are stale).
    private var keys: [TokenKey] = []
    private var tokenCount = 0
    /// Per token of the current document: what the vocabulary of the gazetteer being walked holds for it.
    private var lookups: [CompiledGazetteer.TokenEntry] = []
    /// The tokens of the current document that may start a walk in the gazetteer being walked, by
    /// index (the first ``screen(_:_:)`` count; the rest are stale): the one-byte tokens whose row
    /// has a root child and the longer tokens that the vocabulary filter lets through.
    private var candidates: [Int32] = []
    /// The walks still going (the first ``frontierCount``), and those that reached a node with
    /// outputs (the first ``reachedCount``; ``walk(_:)``). The rows after them are stale: the lists
    /// keep the length of the longest document so far, so no document grows them again.
    private var frontier: [Walk] = []
    private var frontierCount = 0
    private var reached: [Walk] = []
    private var reachedCount = 0
    /// Walks of two tokens or more that reached outputs, before they are merged into ``reached``.
    private var longer: [Walk] = []
    private var merged: [Walk] = []
    /// Per walk of ``frontier`` during a level: the edge hash of its next step.
    private var stepHashes: [UInt64] = []
    /// Blank walks that ``resize(_:to:from:)`` copies from.
    private var blankWalks: [Walk] = []
    var documentForm: [UInt8] = []

    /// A token's match key: its hash, its first twelve bytes, and where its bytes are.
    struct TokenKey {
        /// ``keyHash(_:)`` of the folded key.
        var hash: UInt64 = 0
        /// ``VocabularyKey/prefix(of:)`` of the folded key.
        var prefix: UInt64 = 0
        /// ``VocabularyKey/middle(of:)`` of the folded key.
        var middle: UInt32 = 0
        /// ASCII tokens: the token's bytes in the text, not yet lower-cased; others: the folded key in ``keyPool``.
        var start: Int32 = 0
        var end: Int32 = 0
        var ascii = false
    }

    /// The folded-key hash of each token of the last document matched (``keyHash(_:)``, as ``NERRules`` stores words).
    var tokenHashes: TokenHashes { TokenHashes(keys: keys) }

    /// The byte range of token `token` of the last document matched in its text when the token
    /// is ASCII (its key records it), or nil when it is not.
    @inline(__always)
    func asciiTokenRange(_ token: Int) -> Range<Int>? {
        let key = keys[token]
        return key.ascii ? Int(key.start) ..< Int(key.end) : nil
    }

    /// Per-token key hashes, read in place from the matcher's keys (no copy per document).
    struct TokenHashes {
        fileprivate let keys: [TokenKey]
        subscript(token: Int) -> UInt64 { keys[token].hash }
    }

    init(gazetteers: [CompiledGazetteer], options: MatchOptions) {
        self.gazetteers = gazetteers
        self.options = options
        singleBytes = gazetteers.map(Self.singleByteEntries)
    }

    /// What `gazetteer`'s vocabulary holds for each one-byte token 0x00...0x7F (the lookup of its
    /// key, which is its folded byte, so a token's row is that of its folded byte), then
    /// ``CompiledGazetteer/TokenEntry/absent``.
    private static func singleByteEntries(_ gazetteer: CompiledGazetteer) -> [CompiledGazetteer.TokenEntry] {
        let bytes = (0 ..< 128).map { byte in
            [UInt8(byte)].withUnsafeBufferPointer { token in
                guard let (hash, prefix, middle) = asciiKey(in: token, 0 ..< 1) else { return CompiledGazetteer.TokenEntry.absent }
                return gazetteer.lookUp(ascii: token, hash: hash, prefix: prefix, middle: middle)
            }
        }
        return bytes + [.absent]
    }

    /// Every verified match inside `segments` (token ranges in order, not overlapping: usually the
    /// sentences), in order of start, into a buffer the caller reuses across documents (emptied first).
    mutating func findMatches(in document: Document, segments: [Range<Int>], into found: inout [GazetteerMatch]) {
        found.removeAll(keepingCapacity: true)
        computeKeys(document)
        for (index, gazetteer) in gazetteers.enumerated() {
            lookUp(gazetteer, singleBytes[index], document, segments)
            walk(gazetteer)
            document.utf8.withUnsafeBufferPointer { text in
                for position in 0 ..< reachedCount {
                    prefetchOutputs(gazetteer, position)
                    collect(gazetteer, index, reached[position], document, text, &found)
                }
            }
        }
        if gazetteers.count > 1 { found.sort { ($0.start, $0.gazetteer) < ($1.start, $1.gazetteer) } }
    }

    /// How many tokens ahead lookups prefetch the table slots they will read: far enough for a
    /// memory access to complete, near enough for the lines to stay cached.
    static let prefetchDistance = 12

    /// Folds and hashes every token once, without creating strings: ASCII tokens are hashed from
    /// the text, lower-cased on the fly; others are folded by ICU into ``keyPool`` (through
    /// ``foldedKeys``, which folds each distinct token once).
    private mutating func computeKeys(_ document: Document) {
        let tokens = document.tokens
        tokenCount = tokens.count
        keyPool.removeAll(keepingCapacity: true)
        if keys.count < tokenCount { keys = [TokenKey](repeating: TokenKey(), count: max(tokenCount, keys.count * 2)) }
        var keys = self.keys
        self.keys = []
        defer { self.keys = keys }
        let count = tokenCount
        keys.withUnsafeMutableBufferPointer { keys in
            document.utf8.withUnsafeBufferPointer { text in
                tokens.starts.withUnsafeBufferPointer { starts in
                    tokens.ends.withUnsafeBufferPointer { ends in
                        for index in 0 ..< count {
                            let start = starts[index], end = ends[index]
                            if let (hash, prefix, middle) = Self.asciiKey(in: text, Int(start) ..< Int(end)) {
                                keys[index] = TokenKey(hash: hash, prefix: prefix, middle: middle, start: start, end: end, ascii: true)
                            } else {
                                let bytes = UnsafeBufferPointer(rebasing: text[Int(start) ..< Int(end)])
                                let poolStart = Int32(keyPool.count)
                                let (hash, prefix, middle) = foldedKeys.appendKey(of: bytes, to: &keyPool, normalizer: &normalizer)
                                keys[index] = TokenKey(
                                    hash: hash, prefix: prefix, middle: middle, start: poolStart, end: Int32(keyPool.count),
                                    ascii: false)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The key hash, key prefix and key middle (``VocabularyKey``) of the ASCII token at `range`
    /// of `text` (lower-cased as ``KeyNormalizer`` folds it), or nil when it is not ASCII.
    ///
    /// Eight bytes at a time: each word is loaded whole while it lies inside `text` (bytes past
    /// the token are masked off), checked for non-ASCII bytes and lower-cased with word arithmetic.
    /// Tokens of up to sixteen bytes (nearly all) take a path without a branch on their length.
    @inline(__always)
    static func asciiKey(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: UInt64, prefix: UInt64, middle: UInt32)? {
        let raw = UnsafeRawBufferPointer(text)
        let length = range.count
        if length <= 16, range.lowerBound + 16 <= raw.count {
            // Most tokens: two words loaded and masked to the token, with no branch on its length.
            let first = raw.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self) & lowBytes(min(length, 8))
            let second = raw.loadUnaligned(fromByteOffset: range.lowerBound + 8, as: UInt64.self) & lowBytes(max(length - 8, 0))
            guard (first | second) & ByteLanes.highs == 0 else { return nil }
            let prefix = ByteLanes.lowercased(ascii: first), rest = ByteLanes.lowercased(ascii: second)
            let seed = KeyHash.seed(count: length), one = KeyHash.mix(seed, prefix), two = KeyHash.mix(one, rest)
            let mixed = length > 8 ? two : length > 0 ? one : seed
            return (KeyHash.finish(mixed), prefix, UInt32(truncatingIfNeeded: rest))
        }
        var hash = KeyHash.seed(count: range.count)
        var prefix: UInt64 = 0, middle: UInt32 = 0
        var high: UInt64 = 0
        var at = range.lowerBound
        while at < range.upperBound {
            let left = range.upperBound - at
            var word: UInt64 = 0
            if at + 8 <= raw.count {
                word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                if left < 8 { word &= ~0 >> UInt64(8 * (8 - left)) }
            } else {
                for index in 0 ..< left { word |= UInt64(raw[at + index]) << UInt64(index * 8) }
            }
            high |= word
            let folded = ByteLanes.lowercased(ascii: word)
            if at == range.lowerBound { prefix = folded }
            if at == range.lowerBound + 8 { middle = UInt32(truncatingIfNeeded: folded) }
            hash = KeyHash.mix(hash, folded)
            at += 8
        }
        return high & ByteLanes.highs == 0 ? (KeyHash.finish(hash), prefix, middle) : nil
    }

    /// A mask of the low `count` bytes of a word, for `count` in 0 ... 8: two shifts by half
    /// the width each, so that neither reaches 64 bits and no shift needs a range check.
    @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        let half = UInt64(truncatingIfNeeded: count &* 4)
        return ~((~0 &<< half) &<< half)
    }

    /// Looks every token up in `gazetteer`'s vocabulary (``lookups``) and starts the walks of
    /// `segments`. The vocabulary's buckets are large and mostly uncached, and about half of a
    /// text's tokens are in no entry: ``screen(_:_:)`` sets every token's row from what a cached
    /// filter and table tell, and only the tokens that may start a walk are visited again
    /// (``probeCandidates(_:_:_:_:)``), which probes those the filter let through.
    private mutating func lookUp(
        _ gazetteer: CompiledGazetteer, _ singleBytes: [CompiledGazetteer.TokenEntry], _ document: Document, _ segments: [Range<Int>]
    ) {
        let count = tokenCount
        if lookups.count < count { lookups = Array(repeating: .absent, count: max(count, lookups.count * 2)) }
        if candidates.count < count { candidates = [Int32](repeating: 0, count: max(count, candidates.count * 2)) }
        let candidateCount = screen(gazetteer, singleBytes)
        probeCandidates(gazetteer, document, candidateCount, segments)
    }

    /// The first pass of ``lookUp(_:_:_:)``: gives each token its row of `singleBytes` (a one-byte
    /// ASCII token: the row of its folded byte; any other: ``CompiledGazetteer/TokenEntry/absent``)
    /// and lists in ``candidates`` the one-byte ASCII tokens whose row has a root child and the other
    /// non-empty tokens whose key the vocabulary filter lets through
    /// (``CompiledGazetteer/mayHoldKey(hash:)``); returns how many. Every token left out has no root
    /// child, so it starts no walk.
    ///
    /// Without a branch on the data: the filter's verdict is as good as random to the branch
    /// predictor. The filter is hinted ahead: other tables compete with it for the cache.
    private mutating func screen(_ gazetteer: CompiledGazetteer, _ singleBytes: [CompiledGazetteer.TokenEntry]) -> Int {
        let count = tokenCount
        return lookups.withUnsafeMutableBufferPointer { lookups in
            candidates.withUnsafeMutableBufferPointer { candidates in
                keys.withUnsafeBufferPointer { keys in
                    singleBytes.withUnsafeBufferPointer { singleBytes in
                        var found = 0
                        for index in 0 ..< count {
                            if index + Self.prefetchDistance < count { gazetteer.prefetchFilter(keyHash: keys[index + Self.prefetchDistance].hash) }
                            let key = keys[index]
                            let length = key.end &- key.start
                            let single = (key.ascii ? 1 : 0) & (length == 1 ? 1 : 0)
                            // A one-byte ASCII token's prefix is its folded byte; row 128 is absent.
                            let row = singleBytes[128 &- single &* (128 &- Int(key.prefix & 0x7F))]
                            lookups[index] = row
                            candidates[found] = Int32(truncatingIfNeeded: index)
                            let known = (length > 0 ? 1 : 0) & (single ^ 1) & (gazetteer.mayHoldKey(hash: key.hash) ? 1 : 0)
                            found &+= known | single & (row.rootChild != 0 ? 1 : 0)
                        }
                        return found
                    }
                }
            }
        }
    }

    /// The second pass of ``lookUp(_:_:_:)``: looks the first `count` ``candidates`` longer than one
    /// byte up in `gazetteer`'s vocabulary (ASCII tokens compare folded against the text, others
    /// against their key in ``keyPool``), hinting the bucket of the candidate ``prefetchDistance``
    /// ahead; then each candidate inside one of `segments` whose root child exists starts a walk:
    /// into ``reached`` when that child has outputs, into ``frontier`` when it has children and
    /// the segment goes on (the first level of ``walk(_:)``). Rows of ``lookups`` for tokens outside
    /// every segment are never read: walks never leave their segment.
    private mutating func probeCandidates(_ gazetteer: CompiledGazetteer, _ document: Document, _ count: Int, _ segments: [Range<Int>]) {
        // Each candidate starts at most one walk of each list. Every candidate's walk is written at
        // the lists' ends and kept by counting it or not, so the loop has no branch on the lookup's
        // result; the lists are at least as long as the token count, and their counts are set after.
        Self.resize(&reached, to: tokenCount, from: &blankWalks)
        Self.resize(&frontier, to: tokenCount, from: &blankWalks)
        var reachedCount = 0, frontierCount = 0
        reached.withUnsafeMutableBufferPointer { reached in
            frontier.withUnsafeMutableBufferPointer { frontier in
                lookups.withUnsafeMutableBufferPointer { lookups in
                    candidates.withUnsafeBufferPointer { candidates in
                        keys.withUnsafeBufferPointer { keys in
                            document.utf8.withUnsafeBufferPointer { text in
                                keyPool.withUnsafeBufferPointer { pool in
                                    var segment = 0
                                    for position in 0 ..< count {
                                        if position + Self.prefetchDistance < count {
                                            gazetteer.prefetchBucket(hash: keys[Int(candidates[position + Self.prefetchDistance])].hash)
                                        }
                                        let index = Int(candidates[position])
                                        let key = keys[index]
                                        let bytes = UnsafeBufferPointer(rebasing: (key.ascii ? text : pool)[Int(key.start) ..< Int(key.end)])
                                        if !key.ascii || bytes.count > 1 {
                                            lookups[index] =
                                                key.ascii
                                                ? gazetteer.lookUp(ascii: bytes, hash: key.hash, prefix: key.prefix, middle: key.middle)
                                                : gazetteer.lookUp(bytes, hash: key.hash, prefix: key.prefix, middle: key.middle)
                                        }
                                        while segment < segments.count, segments[segment].upperBound <= index { segment += 1 }
                                        guard segment < segments.count, segments[segment].lowerBound <= index else { continue }
                                        let limit = Int32(truncatingIfNeeded: segments[segment].upperBound)
                                        let child = lookups[index].rootChild
                                        let walk = Walk(
                                            start: Int32(truncatingIfNeeded: index), next: Int32(truncatingIfNeeded: index &+ 1),
                                            limit: limit, node: child)
                                        reached[reachedCount] = walk
                                        reachedCount &+= GazetteerFormat.flag(GazetteerFormat.hasOutputs, of: child)
                                        frontier[frontierCount] = walk
                                        let segmentGoesOn = walk.next < limit ? 1 : 0
                                        frontierCount &+= GazetteerFormat.flag(GazetteerFormat.hasChildren, of: child) & segmentGoesOn
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.reachedCount = reachedCount
        self.frontierCount = frontierCount
    }

    /// Grows `walks` to at least `count` elements (their values are to be overwritten), keeping its capacity.
    /// The walks are copied in bulk from ``blankWalks``; the lists are never cut, so this runs
    /// only for a document longer than every earlier one.
    private static func resize(_ walks: inout [Walk], to count: Int, from blanks: inout [Walk]) {
        guard walks.count < count else { return }
        if blanks.count < count { blanks = Array(repeating: Walk(start: 0, next: 0, limit: 0, node: 0), count: max(count, 2 * blanks.count)) }
        walks.append(contentsOf: blanks[0 ..< count - walks.count])
    }

    /// A walk through the trie: tokens `start ..< next` led to `node` (flags included); it may
    /// continue up to token `limit` (its segment's end).
    struct Walk {
        var start: Int32
        var next: Int32
        var limit: Int32
        var node: UInt32
    }

    /// Walks the trie on from the first-level walks that ``lookUp(_:_:_:)`` left, one token level
    /// at a time, and leaves every node with outputs in ``reached``, sorted by start, then end.
    ///
    /// Level by level rather than start by start: each pass is a short loop whose table reads
    /// (edge filter, edge table) do not depend on one another, so the processor overlaps their
    /// cache misses instead of waiting for each walk's previous step. The first two levels read
    /// nothing but ``lookups``: the root's child and its child signature came with the token's
    /// vocabulary bucket, and most walks end at the second token.
    private mutating func walk(_ gazetteer: CompiledGazetteer) {
        longer.removeAll(keepingCapacity: true)
        while frontierCount > 0 {
            keepPlausibleSteps(gazetteer)
            keepFilteredSteps(gazetteer)
            step(gazetteer)
        }
        guard !longer.isEmpty else { return }
        // Each level appended its walks in order of start, so ``longer`` is a few sorted runs.
        longer.sort { ($0.start, $0.next) < ($1.start, $1.next) }
        mergeLongerIntoReached()
    }

    /// Merges ``longer`` into ``reached`` (both sorted by start, then end; single-token walks end first).
    private mutating func mergeLongerIntoReached() {
        merged.removeAll(keepingCapacity: true)
        merged.reserveCapacity(reachedCount + longer.count)
        var single = 0
        for walk in longer {
            while single < reachedCount, reached[single].start <= walk.start {
                merged.append(reached[single])
                single += 1
            }
            merged.append(walk)
        }
        merged.append(contentsOf: reached[single ..< reachedCount])
        Self.resize(&reached, to: merged.count, from: &blankWalks)
        reached.replaceSubrange(0 ..< merged.count, with: merged)
        reachedCount = merged.count
    }

    /// The first pass of a level: keeps the walks whose next token is in some entry after its first
    /// token and, at the second token, is in the child signature of the first; computes the edge
    /// hash of each kept step into ``stepHashes`` and hints its edge-filter word.
    ///
    /// The three passes of a level each read one table for every walk and decide nothing until
    /// the next pass, so the reads of a level's walks are in flight together. Each pass compacts
    /// its list without branching on the data (every walk is written, and kept by counting it),
    /// because whether a step survives is as good as random to the branch predictor.
    @inline(__always)
    private mutating func keepPlausibleSteps(_ gazetteer: CompiledGazetteer) {
        let count = frontierCount
        if stepHashes.count < count { stepHashes = [UInt64](repeating: 0, count: max(count, stepHashes.count * 2)) }
        frontierCount = frontier.withUnsafeMutableBufferPointer { frontier in
            stepHashes.withUnsafeMutableBufferPointer { hashes in
                lookups.withUnsafeBufferPointer { lookups in
                    var kept = 0
                    for index in 0 ..< count {
                        let walk = frontier[index]
                        let id = lookups[Int(walk.next)].id
                        let token = UInt32(truncatingIfNeeded: max(id, 0))
                        let known = (id >= 0 ? 1 : 0) & gazetteer.continuationBit(token: Int(token))
                        // At the second token, the first token's child signature must hold this token.
                        let signature = lookups[Int(walk.start)].childSignature & GazetteerFormat.childSignature(token: token) != 0 ? 1 : 0
                        let secondToken = walk.next == walk.start &+ 1 ? 1 : 0
                        let keep = known & (signature | (secondToken ^ 1))
                        let hash = GazetteerFormat.edgeHash(parent: walk.node & GazetteerFormat.nodeMask, token: token)
                        gazetteer.prefetchFilter(hash: hash)
                        frontier[kept] = walk
                        hashes[kept] = hash
                        kept &+= keep
                    }
                    return kept
                }
            }
        }
    }

    /// The second pass: keeps the steps whose edge-filter bit is set and hints their edge-table slots.
    @inline(__always)
    private mutating func keepFilteredSteps(_ gazetteer: CompiledGazetteer) {
        let count = frontierCount
        frontierCount = frontier.withUnsafeMutableBufferPointer { frontier in
            stepHashes.withUnsafeMutableBufferPointer { hashes in
                var kept = 0
                for index in 0 ..< count {
                    let hash = hashes[index]
                    gazetteer.prefetchEdge(hash: hash)
                    frontier[kept] = frontier[index]
                    hashes[kept] = hash
                    kept &+= gazetteer.filterBit(hash: hash)
                }
                return kept
            }
        }
    }

    /// The third pass: takes each step along the edge table; walks that reach outputs go to
    /// ``longer``, walks that may go on stay in ``frontier``.
    @inline(__always)
    private mutating func step(_ gazetteer: CompiledGazetteer) {
        let count = frontierCount
        frontierCount = frontier.withUnsafeMutableBufferPointer { frontier in
            stepHashes.withUnsafeBufferPointer { hashes in
                lookups.withUnsafeBufferPointer { lookups in
                    var alive = 0
                    for index in 0 ..< count {
                        var walk = frontier[index]
                        let child = gazetteer.child(
                            of: walk.node & GazetteerFormat.nodeMask, token: UInt32(truncatingIfNeeded: lookups[Int(walk.next)].id),
                            hash: hashes[index])
                        walk.node = child
                        walk.next &+= 1
                        if child & GazetteerFormat.hasOutputs != 0 { longer.append(walk) }
                        frontier[alive] = walk
                        let goesOn = walk.next < walk.limit ? 1 : 0
                        alive &+= GazetteerFormat.flag(GazetteerFormat.hasChildren, of: child) & goesOn
                    }
                    return alive
                }
            }
        }
    }

    /// Hints the output tables that collecting later walks of ``reached`` reads: their output
    /// range two strides ahead, their first output one stride ahead (once its range is cached).
    @inline(__always)
    private func prefetchOutputs(_ gazetteer: CompiledGazetteer, _ position: Int) {
        let stride = Self.prefetchDistance
        if position + 2 * stride < reachedCount {
            gazetteer.prefetchOutputRange(of: reached[position + 2 * stride].node & GazetteerFormat.nodeMask)
        }
        if position + stride < reachedCount {
            gazetteer.prefetchFirstOutput(of: reached[position + stride].node & GazetteerFormat.nodeMask)
        }
    }

    /// Adds the best verified entry of each kind reached at a node.
    private mutating func collect(
        _ gazetteer: CompiledGazetteer, _ index: Int, _ walk: Walk,
        _ document: Document, _ text: UnsafeBufferPointer<UInt8>, _ found: inout [GazetteerMatch]
    ) {
        let outputs = gazetteer.outputRange(of: walk.node & GazetteerFormat.nodeMask)
        let span = Int(walk.start) ..< Int(walk.next)
        var seenKinds: UInt8 = 0
        for output in outputs {
            let (entryIndex, word) = gazetteer.output(output)
            let summary = EntryRecord(words: 0, 0, 0, word)
            guard let kind = EntryKind(rawValue: summary.kind), let label = GazetteerLabel(rawValue: summary.label),
                seenKinds & (1 << kind.rawValue) == 0, agrees(summary, entryIndex, gazetteer, span, document, text)
            else { continue }
            seenKinds |= 1 << kind.rawValue
            // The entity layer reads the record's canonical id location once overlaps are resolved.
            gazetteer.prefetchEntry(entryIndex)
            found.append(
                GazetteerMatch(
                    start: span.lowerBound, end: span.upperBound, gazetteer: index, entry: entryIndex,
                    label: label, kind: kind, priority: summary.priority))
        }
    }

    /// Whether the tokens agree with the entry in its effective mode; reads the entry only when the key cannot decide.
    @inline(__always)
    private mutating func agrees(
        _ summary: EntryRecord, _ entryIndex: Int, _ gazetteer: CompiledGazetteer, _ span: Range<Int>,
        _ document: Document, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let mode = options.effectiveMode(summary.casePolicy)
        if mode == .diacritics { return true }
        if mode == .insensitive, summary.asciiForms, span.allSatisfy({ keys[$0].ascii }) { return true }
        if mode == .exact, summary.casePolicy == CasePolicy.acronym.rawValue, hasLowerCaseASCIIToken(span, text) { return false }
        guard let record = gazetteer.entry(entryIndex) else { return false }
        return verify(record, gazetteer, span, document, text)
    }
}
