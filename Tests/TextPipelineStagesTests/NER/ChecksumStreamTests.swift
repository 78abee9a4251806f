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
        var all = Array("tpg\(GazetteerFormat.version)".utf8)
        for path in [a, b] { all += try Array(Data(contentsOf: URL(fileURLWithPath: path))) + [0xFF] }
        #expect(try GazetteerCompiler.sourceChecksum(of: [a, b]) == all.withUnsafeBytes { GazetteerFormat.checksum($0) })
        #expect(try GazetteerCompiler.sourceChecksum(of: [a, b]) != GazetteerCompiler.sourceChecksum(of: [b, a]))
        #expect(throws: GazetteerSourceError.self) { try GazetteerCompiler.sourceChecksum(of: [folder.appendingPathComponent("missing.tsv").path]) }
    }
}
