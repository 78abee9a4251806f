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
    private var keyPool: [UInt8] = []
    private var keyStarts: [Int32] = []
    private var hashes: [UInt64] = []
    /// Per token of the current document: its bytes are ASCII.
    var tokenASCII: [Bool] = []
    private var ids: [Int32] = []
    var documentForm: [UInt8] = []

    /// The folded-key hash of each token of the last document matched (FNV-1a, as ``NERRules`` stores words).
    var tokenHashes: [UInt64] { hashes }

    init(gazetteers: [CompiledGazetteer], options: MatchOptions) {
        self.gazetteers = gazetteers
        self.options = options
    }

    /// Every verified match inside `segments` (token ranges, usually sentences), in order of start.
    mutating func matches(in document: Document, segments: [Range<Int>]) -> [GazetteerMatch] {
        computeKeys(document, lookingUpIn: gazetteers.count == 1 ? gazetteers[0] : nil)
        var found: [GazetteerMatch] = []
        for (index, gazetteer) in gazetteers.enumerated() {
            if gazetteers.count > 1 { lookUpIDs(gazetteer) }
            for segment in segments {
                walk(gazetteer, index, segment, document, &found)
            }
        }
        if gazetteers.count > 1 { found.sort { ($0.start, $0.gazetteer) < ($1.start, $1.gazetteer) } }
        return found
    }

    /// Folds and hashes every token once. With one gazetteer, also looks each key up
    /// right away (``ids``) instead of keeping the keys for a second pass.
    private mutating func computeKeys(_ document: Document, lookingUpIn single: CompiledGazetteer?) {
        let tokens = document.tokens
        keyPool.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        tokenASCII.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        keyStarts.reserveCapacity(tokens.count + 1)
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< tokens.count {
                let bytes = UnsafeBufferPointer(rebasing: text[Int(tokens.starts[index]) ..< Int(tokens.ends[index])])
                if let single, let hash = Self.asciiKeyHash(bytes) {
                    // ASCII: fold, test and hash in one pass, compare without copying.
                    tokenASCII.append(true)
                    hashes.append(hash)
                    ids.append(bytes.isEmpty ? -1 : single.tokenID(ofASCII: bytes, hash: hash))
                    continue
                }
                tokenASCII.append(KeyNormalizer.isASCII(bytes))
                if let single {
                    let (hash, id) = normalizer.withForm(.key, of: bytes) { key -> (UInt64, Int32) in
                        let hash = keyHash(key)
                        return (hash, key.isEmpty ? -1 : single.tokenID(of: key, hash: hash))
                    }
                    hashes.append(hash)
                    ids.append(id)
                } else {
                    keyStarts.append(Int32(keyPool.count))
                    hashes.append(normalizer.withForm(.key, of: bytes) { key in
                        keyPool.append(contentsOf: key)
                        return keyHash(key)
                    })
                }
            }
        }
        keyStarts.append(Int32(keyPool.count))
    }

    /// The key hash of an ASCII token (lower-cased on the fly, as ``KeyNormalizer`` folds it), or nil when it is not ASCII.
    @inline(__always)
    static func asciiKeyHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var combined: UInt8 = 0
        for byte in bytes {
            combined |= byte
            hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }
        return combined < 0x80 ? hash : nil
    }

    private mutating func lookUpIDs(_ gazetteer: CompiledGazetteer) {
        ids.removeAll(keepingCapacity: true)
        keyPool.withUnsafeBufferPointer { pool in
            for index in 0 ..< hashes.count {
                let key = UnsafeBufferPointer(rebasing: pool[Int(keyStarts[index]) ..< Int(keyStarts[index + 1])])
                ids.append(key.isEmpty ? -1 : gazetteer.tokenID(of: key, hash: hashes[index]))
            }
        }
    }

    private mutating func walk(_ gazetteer: CompiledGazetteer, _ index: Int, _ segment: Range<Int>, _ document: Document,
                               _ found: inout [GazetteerMatch]) {
        for start in segment where ids[start] >= 0 {
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
        if mode == .insensitive, summary.asciiForms, span.allSatisfy({ tokenASCII[$0] }) { return true }
        guard let record = gazetteer.entry(entryIndex) else { return false }
        return verify(record, gazetteer, span, document)
    }
}
