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
        computeKeys(document)
        var found: [GazetteerMatch] = []
        for (index, gazetteer) in gazetteers.enumerated() {
            lookUpIDs(gazetteer)
            for segment in segments {
                walk(gazetteer, index, segment, document, &found)
            }
        }
        if gazetteers.count > 1 { found.sort { ($0.start, $0.gazetteer) < ($1.start, $1.gazetteer) } }
        return found
    }

    private mutating func computeKeys(_ document: Document) {
        let tokens = document.tokens
        keyPool.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        keyStarts.reserveCapacity(tokens.count + 1)
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< tokens.count {
                keyStarts.append(Int32(keyPool.count))
                let bytes = UnsafeBufferPointer(rebasing: text[Int(tokens.starts[index]) ..< Int(tokens.ends[index])])
                hashes.append(normalizer.withForm(.key, of: bytes) { key in
                    keyPool.append(contentsOf: key)
                    return keyHash(key)
                })
            }
        }
        keyStarts.append(Int32(keyPool.count))
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
            var node: UInt32 = 0
            var position = start
            while position < segment.upperBound, ids[position] >= 0 {
                node = gazetteer.child(of: node, token: UInt32(ids[position]))
                if node == 0 { break }
                position += 1
                let outputs = gazetteer.outputRange(of: node)
                if !outputs.isEmpty { collect(gazetteer, index, outputs, start ..< position, document, &found) }
            }
        }
    }

    /// Adds the best verified entry of each kind reached at a node.
    private mutating func collect(_ gazetteer: CompiledGazetteer, _ index: Int, _ outputs: Range<Int>, _ span: Range<Int>,
                                  _ document: Document, _ found: inout [GazetteerMatch]) {
        var seenKinds: UInt8 = 0
        for output in outputs {
            let entryIndex = Int(gazetteer.outputs[output])
            guard let record = gazetteer.entry(entryIndex), let kind = EntryKind(rawValue: record.kind),
                  let label = GazetteerLabel(rawValue: record.label), seenKinds & (1 << kind.rawValue) == 0,
                  verify(record, gazetteer, span, document) else { continue }
            seenKinds |= 1 << kind.rawValue
            found.append(GazetteerMatch(start: span.lowerBound, end: span.upperBound, gazetteer: index, entry: entryIndex,
                                        label: label, kind: kind, priority: record.priority))
        }
    }
}
