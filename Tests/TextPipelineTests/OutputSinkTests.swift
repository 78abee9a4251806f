import Foundation
import Testing

@testable import TextPipeline

/// The sink writes queued arrays in order, whatever their number, and opens a truncated file in place.
@Suite struct OutputSinkTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).jsonl").path
    }

    @Test func manyQueuedArraysAreWrittenInOrder() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parts = (0 ..< 3000).map { Array("line \($0)\n".utf8) }
        let sink = try OutputSink(path: path, flushThreshold: .max)
        for part in parts { try sink.write(part) }
        try sink.flush()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(parts.joined()))
    }

    @Test func anExistingFileIsTruncatedAndWrittenThroughItsSymbolicLink() throws {
        let target = temporaryPath()
        let link = temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: target)
            try? FileManager.default.removeItem(atPath: link)
        }
        _ = FileManager.default.createFile(atPath: target, contents: Data(repeating: 0x78, count: 100_000))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let sink = try OutputSink(path: link)
        try sink.write(Array("new\n".utf8))
        try sink.flush()
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("new\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    @Test func truncatingOpenEmptiesTheFileAndReturnsAWritableDescriptor() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data("old contents\n".utf8))
        let descriptor = TruncatingOpen.open(path)
        #expect(descriptor >= 0)
        #expect(write(descriptor, "ab", 2) == 2)
        #expect(close(descriptor) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("ab".utf8))
    }
}
