import TextPipeline

/// Builds the token trie and entry table of a compiled gazetteer.
struct TrieBuilder {
    private var vocabulary = VocabularyBuilder()
    private var normalizer = KeyNormalizer()
    /// `parent << 32 | token` → child.
    private var edges = EdgeMap()
    private var nodeCount: UInt32 = 1
    /// The edge key of each node but the root, in creation order (node n at n − 1): keeps output deterministic.
    private var edgeKeys: [UInt64] = []
    /// (node, entry record index) for every inserted entry.
    private var terminals: [(node: UInt32, entry: UInt32)] = []
    private var records: [EntryRecord] = []
    private var strings: [UInt8] = []
    private var ids = VocabularyBuilder()
    private(set) var statistics = GazetteerCompiler.Statistics()

    /// Adds `entry`, whose tokens are the byte ranges `tokens` of `text`.
    mutating func insert(_ entry: GazetteerEntry, tokens: [Range<Int>], text: UnsafeBufferPointer<UInt8>) {
        guard !tokens.isEmpty else {
            statistics.skipped += 1
            return
        }
        var node: UInt32 = 0
        let formsOffset = strings.count
        var allCapitals = true
        var letters = 0
        var ascii = true
        for (index, range) in tokens.enumerated() {
            let bytes = UnsafeBufferPointer(rebasing: text[range])
            let token = normalizer.withForm(.key, of: bytes) { vocabulary.intern($0) }
            if index > 0 { strings.append(GazetteerFormat.tokenSeparator) }
            normalizer.withForm(.nfc, of: bytes) { strings.append(contentsOf: $0) }
            if !KeyNormalizer.isASCII(bytes) { ascii = false }
            for byte in bytes where byte < 0x80 && (byte | 0x20) &- 0x61 < 26 {
                letters += 1
                if byte &- 0x61 < 26 { allCapitals = false }
            }
            node = child(of: node, token: token)
        }
        let formsLength = strings.count - formsOffset
        guard formsLength <= Int(UInt16.max) else {
            strings.removeLast(formsLength)
            statistics.skipped += 1
            return
        }
        let idOffset = internID(entry.canonicalID)
        let acronym = allCapitals && letters >= 2 && letters <= 5 && tokens.count <= 3
        let policy: CasePolicy = entry.casePolicy == .auto && acronym ? .acronym : entry.casePolicy
        records.append(
            EntryRecord(
                formsOffset: UInt32(formsOffset), idOffset: idOffset.offset,
                formsLength: UInt16(formsLength), idLength: idOffset.length,
                label: entry.label.rawValue, casePolicy: policy.rawValue,
                kind: entry.kind.rawValue, priority: entry.priority, asciiForms: ascii))
        terminals.append((node, UInt32(records.count - 1)))
        statistics.entries += 1
    }

    private mutating func child(of node: UInt32, token: UInt32) -> UInt32 {
        let key = UInt64(node) << 32 | UInt64(token)
        let child = edges.child(key, orInsert: nodeCount)
        if child == nodeCount {
            nodeCount += 1
            edgeKeys.append(key)
        }
        return child
    }

    /// Stores each distinct id once.
    private mutating func internID(_ id: String) -> (offset: UInt32, length: UInt16) {
        var id = id
        return id.withUTF8 { bytes in
            let kept = UnsafeBufferPointer(rebasing: bytes.prefix(Int(UInt16.max)))
            let index = Int(ids.intern(kept))
            return (ids.spans[index * 2], UInt16(kept.count))
        }
    }

    /// The compiled file, checksum field still zero.
    mutating func serialize(sourceChecksum: UInt64) throws -> [UInt8] {
        guard strings.count < Int(UInt32.max), ids.pool.count < Int(UInt32.max), nodeCount < GazetteerFormat.nodeMask else {
            throw StageError("the gazetteer is too large for format version \(GazetteerFormat.version)")
        }
        let (starts, outputs) = outputTable()
        let flags = nodeFlags(starts)
        let edgeSlots = edgeTable(flags)
        statistics.nodes = Int(nodeCount)
        statistics.vocabulary = vocabulary.count
        var writer = GazetteerWriter(
            counts: [UInt32(records.count), nodeCount, UInt32(vocabulary.count), UInt32(edgeSlots.count / 3)],
            sourceChecksum: sourceChecksum)
        let (rootChildren, signatures, continuations) = rootSummaries(flags)
        writer.add(.vocabularyBuckets, vocabulary.finalBuckets(rootChildren: rootChildren, signatures: signatures))
        writer.add(.vocabularySpans, vocabulary.spans)
        writer.add(.vocabularyPool, vocabulary.pool)
        writer.add(.edges, edgeSlots)
        writer.add(.outputStarts, starts)
        writer.add(.outputs, outputs)
        var words: [UInt32] = []
        words.reserveCapacity(records.count * 4)
        for record in records { record.appendWords(to: &words) }
        writer.add(.entries, words)
        writer.add(.strings, strings)
        writer.add(.identifiers, ids.pool)
        writer.add(.continuations, continuations)
        writer.add(.edgeFilter, edgeFilter())
        writer.add(.vocabularyFilter, vocabulary.filter())
        return writer.finish()
    }

    /// Per vocabulary id: the root's child along the token (flagged, or 0), the signature of the
    /// tokens that follow that child, and the bit set of tokens that follow any node but the root.
    private func rootSummaries(_ flags: [UInt32]) -> (rootChildren: [UInt32], signatures: [UInt64], continuations: [UInt64]) {
        var rootChildren = [UInt32](repeating: 0, count: vocabulary.count)
        var signatures = [UInt64](repeating: 0, count: vocabulary.count)
        var continuations = [UInt64](repeating: 0, count: (vocabulary.count + 63) / 64)
        // Node n is created by edge n − 1; a child of the root is created by an edge from node 0.
        var rootTokenOfNode = [Int32](repeating: -1, count: Int(nodeCount))
        for (index, key) in edgeKeys.enumerated() where key >> 32 == 0 {
            let token = Int(UInt32(truncatingIfNeeded: key))
            rootChildren[token] = UInt32(index + 1) | flags[index + 1]
            rootTokenOfNode[index + 1] = Int32(token)
        }
        for key in edgeKeys where key >> 32 != 0 {
            let token = UInt32(truncatingIfNeeded: key)
            continuations[Int(token) / 64] |= 1 << UInt64(token % 64)
            let rootToken = rootTokenOfNode[Int(key >> 32)]
            if rootToken >= 0 { signatures[Int(rootToken)] |= GazetteerFormat.childSignature(token: token) }
        }
        return (rootChildren, signatures, continuations)
    }

    /// Per node, its entries: best priority first, then entities before weak evidence, then source order.
    /// Duplicates (same node, id, label and kind) keep the first.
    private func outputTable() -> (starts: [UInt32], outputs: [UInt32]) {
        let sorted = terminals.sorted { a, b in
            if a.node != b.node { return a.node < b.node }
            let ra = records[Int(a.entry)], rb = records[Int(b.entry)]
            if ra.priority != rb.priority { return ra.priority > rb.priority }
            if ra.kind != rb.kind { return ra.kind < rb.kind }
            return a.entry < b.entry
        }
        var starts = [UInt32](repeating: 0, count: Int(nodeCount) + 1)
        var outputs: [UInt32] = []
        outputs.reserveCapacity(sorted.count * 2)
        var index = 0
        for node in 0 ..< Int(nodeCount) {
            starts[node] = UInt32(outputs.count / 2)
            let first = outputs.count
            while index < sorted.count, sorted[index].node == UInt32(node) {
                let record = records[Int(sorted[index].entry)]
                let duplicate = stride(from: first, to: outputs.count, by: 2).contains { position in
                    let other = records[Int(outputs[position])]
                    return other.idOffset == record.idOffset && other.label == record.label && other.kind == record.kind
                        && other.casePolicy == record.casePolicy
                }
                if !duplicate {
                    outputs.append(sorted[index].entry)
                    outputs.append(record.word3)
                }
                index += 1
            }
        }
        starts[Int(nodeCount)] = UInt32(outputs.count / 2)
        return (starts, outputs)
    }

    /// Per node, the ``GazetteerFormat/hasOutputs`` and ``GazetteerFormat/hasChildren`` flags.
    private func nodeFlags(_ starts: [UInt32]) -> [UInt32] {
        var flags = [UInt32](repeating: 0, count: Int(nodeCount))
        for node in 0 ..< Int(nodeCount) where starts[node] < starts[node + 1] { flags[node] |= GazetteerFormat.hasOutputs }
        for key in edgeKeys { flags[Int(key >> 32)] |= GazetteerFormat.hasChildren }
        return flags
    }

    /// The edge filter: 16 to 32 bits per edge, so about one failed step in 16 to 32 passes it.
    private func edgeFilter() -> [UInt64] {
        var bits = 64
        while bits < edgeKeys.count * 16 { bits *= 2 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        for key in edgeKeys {
            let bit = GazetteerFormat.edgeFilterBit(parent: UInt32(key >> 32), token: UInt32(truncatingIfNeeded: key), mask: bits - 1)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return filter
    }

    /// The open-addressing edge table, at most 3/4 full; children carry their flags.
    private func edgeTable(_ flags: [UInt32]) -> [UInt32] {
        var slots = 16
        while slots * 3 < edges.count * 4 + 4 { slots *= 2 }
        var table = [UInt32](repeating: 0, count: slots * 3)
        let mask = slots - 1
        for (index, key) in edgeKeys.enumerated() {
            let child = UInt32(index + 1)
            let parent = UInt32(key >> 32), token = UInt32(truncatingIfNeeded: key)
            var slot = GazetteerFormat.edgeSlot(parent: parent, token: token, mask: mask)
            while table[slot * 3 + 2] != 0 { slot = (slot + 1) & mask }
            table[slot * 3] = parent
            table[slot * 3 + 1] = token
            table[slot * 3 + 2] = child | flags[Int(child)]
        }
        return table
    }
}
