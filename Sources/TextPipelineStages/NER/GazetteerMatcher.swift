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
    var normalizer = KeyNormalizer()
    var entryNormalizer = KeyNormalizer()
    /// Folded keys of the current document's non-ASCII tokens.
    private var keyPool: [UInt8] = []
    /// Per token of the current document (the first ``tokenCount`` rows; the rest are stale).
    private var keys: [TokenKey] = []
    private var tokenCount = 0
    /// Per token of the current document: its vocabulary id in the gazetteer being walked, or −1.
    private var ids: [Int32] = []
    var documentForm: [UInt8] = []

    /// A token's match key: its hash, its first eight bytes, and where its bytes are.
    struct TokenKey {
        /// ``keyHash(_:)`` of the folded key.
        var hash: UInt64 = 0
        /// ``VocabularyKey/prefix(of:)`` of the folded key.
        var prefix: UInt64 = 0
        /// ASCII tokens: the token's bytes in the text, not yet lower-cased; others: the folded key in ``keyPool``.
        var start: Int32 = 0
        var end: Int32 = 0
        var ascii = false
    }

    /// The folded-key hash of each token of the last document matched (FNV-1a, as ``NERRules`` stores words).
    var tokenHashes: [UInt64] { keys.prefix(tokenCount).map(\.hash) }

    /// Whether token `index` of the last document matched is ASCII.
    func isASCII(_ index: Int) -> Bool { keys[index].ascii }

    init(gazetteers: [CompiledGazetteer], options: MatchOptions) {
        self.gazetteers = gazetteers
        self.options = options
    }

    /// Every verified match inside `segments` (token ranges, usually sentences), in order of start.
    mutating func matches(in document: Document, segments: [Range<Int>]) -> [GazetteerMatch] {
        var found: [GazetteerMatch] = []
        findMatches(in: document, segments: segments, into: &found)
        return found
    }

    /// ``matches(in:segments:)`` into a buffer the caller reuses across documents (emptied first).
    mutating func findMatches(in document: Document, segments: [Range<Int>], into found: inout [GazetteerMatch]) {
        found.removeAll(keepingCapacity: true)
        computeKeys(document)
        for (index, gazetteer) in gazetteers.enumerated() {
            lookUpIDs(gazetteer, document)
            for segment in segments {
                walk(gazetteer, index, segment, document, &found)
            }
        }
        if gazetteers.count > 1 { found.sort { ($0.start, $0.gazetteer) < ($1.start, $1.gazetteer) } }
    }

    /// How many tokens ahead lookups prefetch the table slots they will read: far enough for a
    /// memory access to complete, near enough for the lines to stay cached.
    static let prefetchDistance = 12

    /// Folds and hashes every token once, without creating strings: ASCII tokens are hashed from
    /// the text, lower-cased on the fly; others are folded by ICU into ``keyPool``.
    private mutating func computeKeys(_ document: Document) {
        let tokens = document.tokens
        tokenCount = tokens.count
        keyPool.removeAll(keepingCapacity: true)
        if keys.count < tokenCount { keys = [TokenKey](repeating: TokenKey(), count: max(tokenCount, keys.count * 2)) }
        var keys = self.keys
        self.keys = []
        defer { self.keys = keys }
        keys.withUnsafeMutableBufferPointer { keys in
            document.utf8.withUnsafeBufferPointer { text in
                for index in 0 ..< tokenCount {
                    let start = tokens.starts[index], end = tokens.ends[index]
                    let bytes = UnsafeBufferPointer(rebasing: text[Int(start) ..< Int(end)])
                    if let (hash, prefix) = Self.asciiKey(bytes) {
                        keys[index] = TokenKey(hash: hash, prefix: prefix, start: start, end: end, ascii: true)
                    } else {
                        let poolStart = Int32(keyPool.count)
                        let (hash, prefix) = normalizer.withForm(.key, of: bytes) { key in
                            keyPool.append(contentsOf: key)
                            return (keyHash(key), VocabularyKey.prefix(of: key))
                        }
                        keys[index] = TokenKey(hash: hash, prefix: prefix, start: poolStart, end: Int32(keyPool.count), ascii: false)
                    }
                }
            }
        }
    }

    /// The key hash and key prefix of an ASCII token (lower-cased on the fly, as ``KeyNormalizer``
    /// folds it), or nil when it is not ASCII.
    @inline(__always)
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, prefix: UInt64)? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        var combined: UInt8 = 0
        for index in 0 ..< bytes.count {
            let byte = bytes[index]
            combined |= byte
            let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
            if index < 8 { prefix |= UInt64(folded) << UInt64(index * 8) }
        }
        return combined < 0x80 ? (hash, prefix) : nil
    }

    /// Looks every token up in `gazetteer`'s vocabulary (``ids``, −1 for absent): ASCII tokens
    /// compare folded against the text, others against their key in ``keyPool``.
    private mutating func lookUpIDs(_ gazetteer: CompiledGazetteer, _ document: Document) {
        let count = tokenCount
        if ids.count < count { ids = [Int32](repeating: -1, count: max(count, ids.count * 2)) }
        ids.withUnsafeMutableBufferPointer { ids in
            keys.withUnsafeBufferPointer { keys in
                document.utf8.withUnsafeBufferPointer { text in
                    keyPool.withUnsafeBufferPointer { pool in
                        for index in 0 ..< count {
                            if index + Self.prefetchDistance < count { gazetteer.prefetchBucket(hash: keys[index + Self.prefetchDistance].hash) }
                            let key = keys[index]
                            let bytes = UnsafeBufferPointer(rebasing: (key.ascii ? text : pool)[Int(key.start) ..< Int(key.end)])
                            ids[index] = bytes.isEmpty ? -1
                                : key.ascii ? gazetteer.tokenID(ofASCII: bytes, hash: key.hash, prefix: key.prefix)
                                : gazetteer.tokenID(of: bytes, hash: key.hash, prefix: key.prefix)
                        }
                    }
                }
            }
        }
    }

    private mutating func walk(_ gazetteer: CompiledGazetteer, _ index: Int, _ segment: Range<Int>, _ document: Document,
                               _ found: inout [GazetteerMatch]) {
        for start in segment {
            prefetchFirstStep(gazetteer, from: start + Self.prefetchDistance)
            if start + 2 * Self.prefetchDistance < tokenCount, ids[start + 2 * Self.prefetchDistance] >= 0 {
                gazetteer.prefetchRootChild(token: Int(ids[start + 2 * Self.prefetchDistance]))
            }
            guard ids[start] >= 0 else { continue }
            var child = gazetteer.rootChild(token: Int(ids[start]))
            var position = start + 1
            while child != 0 {
                let node = child & GazetteerFormat.nodeMask
                if child & GazetteerFormat.hasOutputs != 0 {
                    let outputs = gazetteer.outputRange(of: node)
                    if !outputs.isEmpty { collect(gazetteer, index, outputs, start ..< position, document, &found) }
                }
                guard child & GazetteerFormat.hasChildren != 0, position < segment.upperBound, ids[position] >= 0,
                      gazetteer.continues(token: Int(ids[position])) else { break }
                child = gazetteer.child(of: node, token: UInt32(ids[position]))
                position += 1
            }
        }
    }

    /// Hints the table slots a walk from token `start` reads first: its node's outputs and the edge to the next token.
    @inline(__always)
    private func prefetchFirstStep(_ gazetteer: CompiledGazetteer, from start: Int) {
        guard start + 1 < tokenCount, ids[start] >= 0 else { return }
        let child = gazetteer.rootChild(token: Int(ids[start]))
        if child & GazetteerFormat.hasOutputs != 0 { gazetteer.prefetchOutputs(of: child & GazetteerFormat.nodeMask) }
        if child & GazetteerFormat.hasChildren != 0, ids[start + 1] >= 0 {
            gazetteer.prefetchEdge(parent: child & GazetteerFormat.nodeMask, token: UInt32(ids[start + 1]))
        }
    }

    /// Adds the best verified entry of each kind reached at a node.
    private mutating func collect(_ gazetteer: CompiledGazetteer, _ index: Int, _ outputs: Range<Int>, _ span: Range<Int>,
                                  _ document: Document, _ found: inout [GazetteerMatch]) {
        var seenKinds: UInt8 = 0
        for output in outputs {
            let (entryIndex, word) = gazetteer.output(output)
            let summary = EntryRecord(words: 0, 0, 0, word)
            guard let kind = EntryKind(rawValue: summary.kind), let label = GazetteerLabel(rawValue: summary.label),
                  seenKinds & (1 << kind.rawValue) == 0, agrees(summary, entryIndex, gazetteer, span, document) else { continue }
            seenKinds |= 1 << kind.rawValue
            found.append(GazetteerMatch(start: span.lowerBound, end: span.upperBound, gazetteer: index, entry: entryIndex,
                                        label: label, kind: kind, priority: summary.priority))
        }
    }

    /// Whether the tokens agree with the entry in its effective mode; reads the entry only when the key cannot decide.
    private mutating func agrees(_ summary: EntryRecord, _ entryIndex: Int, _ gazetteer: CompiledGazetteer, _ span: Range<Int>,
                                 _ document: Document) -> Bool {
        let mode = options.effectiveMode(summary.casePolicy)
        if mode == .diacritics { return true }
        if mode == .insensitive, summary.asciiForms, span.allSatisfy({ keys[$0].ascii }) { return true }
        guard let record = gazetteer.entry(entryIndex) else { return false }
        return verify(record, gazetteer, span, document)
    }
}
