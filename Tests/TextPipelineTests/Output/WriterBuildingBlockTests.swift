import Foundation
import Testing

@testable import TextPipeline

/// The byte-level helpers under the encoders and writers: the reserved-room
/// writer of the per-token loops, the token-kind names, the write-all loop and
/// the HTML report's statistics.
@Suite struct WriterBuildingBlockTests {
    @Test func byteWriterIntegersMatchTheBufferAtEveryDigitCount() {
        var values = [0, 1, 9, 10, 99, 100, 12_345, Int(Int32.max), 999_999_999_999_999_999, 1_000_000_000_000_000_000, Int.max]
        var power = 1
        for _ in 0 ..< 18 {
            values += [power - 1, power, power + 1]
            power *= 10
        }
        for value in values {
            var expected = JSONBuffer()
            expected.integer(value)
            var written = JSONBuffer()
            written.write(atMost: ByteWriter.maxIntegerBytes) { $0.integer(value) }
            #expect(written.bytes == expected.bytes, "\(value)")
        }
    }

    @Test func byteWriterAppendsAfterWhatTheBufferHolds() {
        var buffer = JSONBuffer()
        buffer.raw("[")
        buffer.write(atMost: 64) { writer in
            writer.raw("{\"a\":")
            writer.integer(42)
            writer.byte(UInt8(ascii: "}"))
            Array("xyz".utf8).withUnsafeBufferPointer { writer.bytes($0) }
        }
        buffer.write(atMost: 0) { _ in }
        buffer.raw("]")
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "[{\"a\":42}xyz]")
    }

    @Test func tokenKindNamesAreTheDescriptions() {
        for kind in TokenKind.allCases {
            #expect("\(JSONLinesEncoder.kindName(kind))" == kind.description)
        }
    }

    @Test func writeAllDeliversEveryByteAndReportsTheErrno() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 10_000)
        #expect(FileDescriptorWrites.writeAll(ends[1], bytes[100...]) == nil)
        close(ends[1])
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &chunk, chunk.count)
            if count <= 0 { break }
            received += chunk[..<count]
        }
        #expect(received == Array(bytes[100...]))

        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        #expect(FileDescriptorWrites.writeAll(full, bytes) == ENOSPC)
    }

    @Test func reportStatisticsCountMentionsLabelsAndKeywordsPerArticle() {
        var statistics = ReportStatistics()
        var first = RecordSummary(title: "one")
        first.entities = [
            .init(text: "Seoul", label: "LOC", canonicalID: "geo:seoul"),
            .init(text: "Kim", label: "PER", canonicalID: nil),
            .init(text: "Seoul", label: "LOC", canonicalID: "geo:seoul"),
        ]
        first.keywords = ["talks", "summit", "talks"]
        var second = RecordSummary(title: "two")
        second.entities = [
            .init(text: "Kim", label: "PER", canonicalID: nil),
            .init(text: "Kim", label: "PER", canonicalID: "per:other-kim"),
            .init(text: "Pyongyang", label: "LOC", canonicalID: nil),
        ]
        second.keywords = ["talks"]
        statistics.add(first, id: .string("a"), ordinal: 1, page: 1)
        statistics.add(second, id: .string("b"), ordinal: 2, page: 1)
        #expect(statistics.entities == 6)
        #expect(statistics.labelsByCount.map(\.label) == ["LOC", "PER"])
        #expect(statistics.labelsByCount.map(\.count) == [3, 3])
        #expect(statistics.topEntities("LOC", 10).map(\.name) == ["Seoul", "Pyongyang"])
        #expect(statistics.topEntities("LOC", 10).map(\.count) == [2, 1])
        // Two PER entities named Kim: the one without an id (2 mentions) first, then the other by its id.
        #expect(statistics.topEntities("PER", 10).map(\.canonicalID) == [nil, "per:other-kim"])
        #expect(statistics.topEntities("PER", 1).count == 1)
        // A keyword counts once per article that lists it, however often it is listed.
        #expect(statistics.topKeywords(10).map(\.keyword) == ["talks", "summit"])
        #expect(statistics.topKeywords(10).map(\.count) == [2, 1])
        #expect(statistics.rows.map(\.entityNames) == [["Seoul", "Kim"], ["Kim", "Pyongyang"]])
    }

    @Test func anEarlierRunsFilesAreMovedAsideAndRemovedAtTheEnd() throws {
        let manager = FileManager.default
        let path = manager.temporaryDirectory.appendingPathComponent("folder-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: path) }
        try manager.createDirectory(atPath: path + "/" + OutputFolder.previousName, withIntermediateDirectories: true)
        _ = manager.createFile(atPath: path + "/" + OutputFolder.markerName, contents: Data("old".utf8))
        _ = manager.createFile(atPath: path + "/old.txt", contents: Data("old".utf8))
        _ = manager.createFile(atPath: path + "/" + OutputFolder.previousName + "/stale.txt", contents: Data("stale".utf8))

        let folder = try OutputFolder(preparing: path, format: "brat")
        // The old files are out of sight from the start; a crashed run's leftovers are gone.
        #expect(try manager.contentsOfDirectory(atPath: path).sorted() == [OutputFolder.markerName, OutputFolder.previousName])
        #expect(try manager.contentsOfDirectory(atPath: path + "/" + OutputFolder.previousName).sorted() == [OutputFolder.markerName, "old.txt"])
        try folder.write(Array("new".utf8), to: "new.txt")
        try folder.removePrevious()
        #expect(try manager.contentsOfDirectory(atPath: path).sorted() == [OutputFolder.markerName, "new.txt"])
        try folder.removePrevious()  // nothing left to remove: no error
    }
}
