import Foundation
import TextPipeline

/// Compiles gazetteer entries into the `.tpg` format (`GazetteerFormat`).
///
/// Entries are tokenized with the pipeline's own tokenizer (`tokenize.icu@1`,
/// locale `en`) in one batch, possessive endings are split as the stage splits
/// them, and each token becomes a folded key (`KeyNormalizer`).
public enum GazetteerCompiler {
    /// What a compilation produced, for messages.
    public struct Statistics: Sendable {
        /// Entries compiled.
        public var entries = 0
        /// Source rows skipped: a surface with no tokens, or forms too long to store.
        public var skipped = 0
        /// Nodes of the token trie.
        public var nodes = 0
        /// Distinct token keys.
        public var vocabulary = 0
        /// Size of the compiled file in bytes.
        public var bytes = 0
    }

    /// Compiles entries; `sourceChecksum` identifies the sources in the header.
    /// - Throws: `StageError` when ICU fails or the result exceeds the format's limits.
    public static func compile(_ entries: [GazetteerEntry], sourceChecksum: UInt64 = 0) throws -> (bytes: [UInt8], statistics: Statistics) {
        var trie = TrieBuilder()
        var joined: [UInt8] = []
        var ranges: [Range<Int32>] = []
        ranges.reserveCapacity(entries.count)
        for entry in entries {
            let start = Int32(joined.count)
            joined.append(contentsOf: entry.surface.utf8)
            ranges.append(start ..< Int32(joined.count))
            joined.append(0x0A)
        }
        guard joined.count < Int(Int32.max) / 2 else { throw StageError("gazetteer sources exceed 1 GB") }
        var tokens = TokenLayer()
        try ICUBreakerTemplate(sentence: false, locale: "en").makeBreaker().tokenize(joined, into: &tokens)
        var tokenIndex = 0
        joined.withUnsafeBufferPointer { text in
            for (entryIndex, entry) in entries.enumerated() {
                let range = ranges[entryIndex]
                while tokenIndex < tokens.count, tokens.starts[tokenIndex] < range.lowerBound { tokenIndex += 1 }
                var pieces: [Range<Int>] = []
                while tokenIndex < tokens.count, tokens.ends[tokenIndex] <= range.upperBound {
                    let range = Int(tokens.starts[tokenIndex]) ..< Int(tokens.ends[tokenIndex])
                    pieces += tokens.kinds[tokenIndex] == .word ? PossessiveSplit.pieces(range, text) : [range]
                    tokenIndex += 1
                }
                trie.insert(entry, tokens: pieces, text: text)
            }
        }
        var bytes = try trie.serialize(sourceChecksum: sourceChecksum)
        GazetteerWriter.sealChecksum(&bytes)
        var statistics = trie.statistics
        statistics.bytes = bytes.count
        return (bytes, statistics)
    }

    /// Reads and compiles TSV sources in order. The source checksum covers their bytes.
    /// - Throws: ``GazetteerSourceError`` naming the file and line of a bad row.
    public static func compile(sources: [String]) throws -> (bytes: [UInt8], statistics: Statistics) {
        var entries: [GazetteerEntry] = []
        for path in sources { entries += try GazetteerSource.read(path: path) }
        return try compile(entries, sourceChecksum: try sourceChecksum(of: sources))
    }

    /// A checksum of the sources' bytes and of `GazetteerKeyRecipe/current` (format version, ICU
    /// version, key-folding version): the cache key of compiled sources.
    /// The files are read in blocks into one buffer. A run of a pipeline computes this only when
    /// the stamp of the sources recorded in the cache folder (`stat` fields, see docs/gazetteer.md)
    /// does not match; otherwise ``GazetteerStore`` takes the checksum recorded with it.
    public static func sourceChecksum(of sources: [String]) throws -> UInt64 {
        try sourceChecksum(of: sources, recipe: .current)
    }

    static func sourceChecksum(of sources: [String], recipe: GazetteerKeyRecipe) throws -> UInt64 {
        let prefix = recipe.checksumPrefix
        var files: [(descriptor: Int32, size: Int)] = []
        defer { for file in files { close(file.descriptor) } }
        for path in sources {
            let descriptor = open(path, O_RDONLY)
            var status = stat()
            guard descriptor >= 0 else { throw GazetteerSourceError(file: path, line: 0, message: "cannot read the file") }
            files.append((descriptor, 0))
            guard fstat(descriptor, &status) == 0 else { throw GazetteerSourceError(file: path, line: 0, message: "cannot read the file") }
            files[files.count - 1].size = Int(status.st_size)
        }
        var stream = ChecksumStream(totalCount: prefix.count + files.reduce(0) { $0 + $1.size + 1 })
        prefix.withUnsafeBytes { stream.feed($0) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { block.deallocate() }
        for (path, file) in zip(sources, files) {
            var left = file.size
            while left > 0 {
                let count = read(file.descriptor, block.baseAddress, min(left, block.count))
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw GazetteerSourceError(file: path, line: 0, message: "cannot read the file: \(String(cString: strerror(errno)))") }
                guard count > 0 else { throw GazetteerSourceError(file: path, line: 0, message: "cannot read the file (it changed while being read)") }
                stream.feed(UnsafeRawBufferPointer(rebasing: block[..<count]))
                left -= count
            }
            withUnsafeBytes(of: UInt8(0xFF)) { stream.feed($0) }
        }
        return stream.finish()
    }
}

extension GazetteerCompiler {
    /// Writes a compiled file atomically (temporary file, then rename).
    /// - Throws: ``GazetteerFileError`` naming the path.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try GazetteerWriter.writeAtomically(bytes, to: path)
    }
}
