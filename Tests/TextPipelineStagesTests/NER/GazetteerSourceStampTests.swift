import Foundation
import Testing

@testable import TextPipelineStages

/// The stamp (`stat` fields) recorded beside the source checksum stands for it only while no
/// source changed: a change of bytes must never reuse the cache of other bytes.
@Suite struct GazetteerSourceStampTests {
    /// A source, its stamp and checksum recorded in `folder` as if the source were old enough.
    func recorded(_ tsv: String) throws -> (folder: URL, source: String, checksum: UInt64) {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source(tsv, name: "a.tsv", in: folder)
        let checksum = try GazetteerCompiler.sourceChecksum(of: [source])
        let stamp = try #require(GazetteerSourceStamp(sources: [source]))
        stamp.record(checksum: checksum, of: [source], in: folder.path, now: time(nil) + 60)
        return (folder, source, checksum)
    }

    @Test func anUnchangedSourceGivesTheRecordedChecksum() throws {
        let (folder, source, checksum) = try recorded("Pyongyang\tLOC\n")
        let stamp = try #require(GazetteerSourceStamp(sources: [source]))
        #expect(stamp.recordedChecksum(of: [source], in: folder.path) == checksum)
        #expect(stamp.recordedChecksum(of: [source, source], in: folder.path) == nil)
    }

    /// New bytes of the same size with the old modification time put back: the status-change
    /// time still differs, so the stamp no longer matches and the store compiles the new bytes.
    @Test func rewrittenBytesWithTheOldTimesAreCheckedAgain() throws {
        let (folder, source, checksum) = try recorded("Pyongyang\tLOC\n")
        var before = stat()
        #expect(stat(source, &before) == 0)
        usleep(20_000)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: source))
        try handle.write(contentsOf: Data("Pyongyanh\tLOC\n".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, source, &times, 0) == 0)
        let stamp = try #require(GazetteerSourceStamp(sources: [source]))
        #expect(stamp.recordedChecksum(of: [source], in: folder.path) == nil)
        let gazetteer = try GazetteerStore().compiled(sources: [source], cacheFolder: folder.path)
        #expect(gazetteer.sourceChecksum != checksum)
        #expect(gazetteer.sourceChecksum == (try GazetteerCompiler.sourceChecksum(of: [source])))
    }

    /// A source changed within the last seconds is not stamped (a write in the same clock tick could follow).
    @Test func freshSourcesAreNotRecorded() throws {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source("Pyongyang\tLOC\n", name: "a.tsv", in: folder)
        let stamp = try #require(GazetteerSourceStamp(sources: [source]))
        stamp.record(checksum: 1, of: [source], in: folder.path)
        #expect(stamp.recordedChecksum(of: [source], in: folder.path) == nil)
        #expect(GazetteerSourceStamp(sources: [folder.appendingPathComponent("missing.tsv").path]) == nil)
    }

    /// A damaged stamp file is ignored, not trusted.
    @Test func aDamagedStampIsIgnored() throws {
        let (folder, source, _) = try recorded("Pyongyang\tLOC\n")
        let path = folder.appendingPathComponent(GazetteerSourceStamp.stampName([source])).path
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 12] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stamp = try #require(GazetteerSourceStamp(sources: [source]))
        #expect(stamp.recordedChecksum(of: [source], in: folder.path) == nil)
    }
}
