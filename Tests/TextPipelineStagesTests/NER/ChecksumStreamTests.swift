import Foundation
import Testing

@testable import TextPipelineStages

/// The source checksum (the gazetteer cache key) is computed file by file, block by block; it
/// must equal the checksum of all the bytes at once, or caches would be rebuilt or, worse, reused
/// for other sources.
@Suite struct ChecksumStreamTests {
    @Test func piecesGiveTheChecksumOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 1000] {
            let bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            let whole = bytes.withUnsafeBytes { GazetteerFormat.checksum($0) }
            for _ in 0 ..< 20 {
                var stream = ChecksumStream(totalCount: length)
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 0 ... 11, using: &generator))
                    bytes[start ..< end].withUnsafeBytes { stream.feed($0) }
                    start = end
                }
                #expect(stream.finish() == whole, "length \(length)")
            }
        }
    }

    @Test func sourceChecksumCoversEveryFileInOrder() throws {
        let folder = try NERFixture.folder()
        let a = try NERFixture.source("Pyongyang\tLOC\n", name: "a.tsv", in: folder)
        let b = try NERFixture.source("KCNA\tORG\n", name: "b.tsv", in: folder)
        var all = GazetteerKeyRecipe.current.checksumPrefix
        for path in [a, b] { all += try Array(Data(contentsOf: URL(fileURLWithPath: path))) + [0xFF] }
        #expect(try GazetteerCompiler.sourceChecksum(of: [a, b]) == all.withUnsafeBytes { GazetteerFormat.checksum($0) })
        #expect(try GazetteerCompiler.sourceChecksum(of: [a, b]) != GazetteerCompiler.sourceChecksum(of: [b, a]))
        #expect(throws: GazetteerSourceError.self) { try GazetteerCompiler.sourceChecksum(of: [folder.appendingPathComponent("missing.tsv").path]) }
    }

    /// A system ICU upgrade or a change to the folding code must not reuse cached keys.
    @Test func cacheKeyCoversTheICUVersionAndTheFoldingCode() throws {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source("Zürich\tLOC\n", name: "a.tsv", in: folder)
        let current = GazetteerKeyRecipe.current
        #expect(current.icuVersion == ICUBreakerTemplate.icuVersion && !current.icuVersion.isEmpty)
        #expect(current.foldingVersion == KeyNormalizer.foldingVersion)
        var otherICU = current, otherFolding = current
        otherICU.icuVersion += ".1"
        otherFolding.foldingVersion += 1
        let checksum = try GazetteerCompiler.sourceChecksum(of: [source], recipe: current)
        #expect(try GazetteerCompiler.sourceChecksum(of: [source]) == checksum)
        #expect(try GazetteerCompiler.sourceChecksum(of: [source], recipe: otherICU) != checksum)
        #expect(try GazetteerCompiler.sourceChecksum(of: [source], recipe: otherFolding) != checksum)
    }
}
