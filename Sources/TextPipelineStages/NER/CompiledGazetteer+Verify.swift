/// Full checks of a compiled gazetteer, for `textpipe gazetteer inspect --verify`.
extension CompiledGazetteer {
    /// Checks the stored checksum against the file's bytes, then every reference between sections.
    /// - Throws: ``GazetteerFileError`` naming the first problem.
    /// - Complexity: O(file size).
    public func verify() throws {
        func fail(_ message: String) -> GazetteerFileError { GazetteerFileError(path: path, message: message) }
        let computed = GazetteerFormat.checksum(UnsafeRawBufferPointer(rebasing: bytes[GazetteerFormat.checksummedFrom...]))
        let stored: UInt64 = GazetteerLayout.read(bytes, 24)
        guard computed == stored else {
            throw fail("checksum mismatch: stored \(String(stored, radix: 16)), computed \(String(computed, radix: 16)); the file is corrupted")
        }
        for id in 0 ..< vocabularyCount {
            let offset = Int(vocabularySpans[id * 2]), count = Int(vocabularySpans[id * 2 + 1])
            guard offset <= vocabularyPool.count, count <= vocabularyPool.count - offset else { throw fail("vocabulary key \(id) lies outside its pool") }
            guard mayHoldKey(hash: keyHash(UnsafeBufferPointer(rebasing: vocabularyPool[offset ..< offset + count]))) else {
                throw fail("the vocabulary filter misses vocabulary key \(id)")
            }
        }
        for slot in 0 ... edgeMask where edges[slot * 3 + 2] != 0 {
            guard Int(edges[slot * 3]) < nodeCount, Int(edges[slot * 3 + 1]) < vocabularyCount, Int(edges[slot * 3 + 2] & GazetteerFormat.nodeMask) < nodeCount
            else {
                throw fail("edge slot \(slot) refers to a missing node or token")
            }
        }
        for slot in 0 ... edgeMask where edges[slot * 3 + 2] != 0 && !mayHaveChild(of: edges[slot * 3], token: edges[slot * 3 + 1]) {
            throw fail("the edge filter misses edge slot \(slot)")
        }
        var rootSignatures: [UInt32: UInt64] = [:]
        for slot in 0 ... bucketMask where vocabularyBuckets[slot * 4] != 0 {
            let id = Int(vocabularyBuckets[slot * 4] & 0xFFFF_FFFF)
            guard id >= 1, id <= vocabularyCount else { throw fail("vocabulary bucket \(slot) names a missing token \(id - 1)") }
            let child = UInt32(truncatingIfNeeded: vocabularyBuckets[slot * 4 + 2])
            guard Int(child & GazetteerFormat.nodeMask) < nodeCount else { throw fail("vocabulary bucket \(slot) names a missing root child") }
            if child != 0 { rootSignatures[child & GazetteerFormat.nodeMask] = vocabularyBuckets[slot * 4 + 3] }
        }
        for slot in 0 ... edgeMask where edges[slot * 3 + 2] != 0 {
            if let signature = rootSignatures[edges[slot * 3]], signature & GazetteerFormat.childSignature(token: edges[slot * 3 + 1]) == 0 {
                throw fail("the child signature of node \(edges[slot * 3]) misses edge slot \(slot)")
            }
        }
        for node in 0 ..< nodeCount where outputStarts[node] > outputStarts[node + 1] {
            throw fail("output table of node \(node) is not ascending")
        }
        guard Int(outputStarts[nodeCount]) <= outputs.count / 2 else { throw fail("output table runs past its section") }
        for index in 0 ..< outputs.count / 2 {
            let (entryIndex, word) = output(index)
            guard let record = entry(entryIndex), record.word3 == word else { throw fail("output \(index) does not match its entry") }
        }
        for index in 0 ..< entryCount {
            guard let record = entry(index), forms(of: record) != nil, record.label <= 3, record.casePolicy <= 3, record.kind <= 3,
                Int(record.idOffset) + Int(record.idLength) <= identifiers.count
            else { throw fail("entry \(index) is malformed") }
            guard canonicalIDLocation(ofEntry: index) != nil else { throw fail("the id of entry \(index) is not valid UTF-8") }
        }
    }
}

extension CompiledGazetteer {
    /// The format version in the header.
    public var formatVersion: UInt32 { GazetteerLayout.read(bytes, 8) }

    /// How many entries carry each label. - Complexity: O(entries).
    public func labelCounts() -> [GazetteerLabel: Int] {
        var counts: [GazetteerLabel: Int] = [:]
        for index in 0 ..< entryCount {
            if let label = entry(index).flatMap({ GazetteerLabel(rawValue: $0.label) }) { counts[label, default: 0] += 1 }
        }
        return counts
    }
}
