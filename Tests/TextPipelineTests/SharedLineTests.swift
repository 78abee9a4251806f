import Foundation
import Testing
import TextPipeline

/// Lines handed out as slices of the reader's buffer keep their bytes while the reader reads on.
@Suite struct SharedLineTests {
    @Test(arguments: [7, 64, 1 << 20])
    func slicesKeptAcrossRefillsStillHoldTheirLines(chunkSize: Int) throws {
        let lines = (0 ..< 200).map { index in "{\"id\":\(index),\"text\":\"\(String(repeating: "ab", count: index % 13))\"}" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\r\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = LineReader(source: try ByteSource(path: path), chunkSize: chunkSize)
        var kept: [ArraySlice<UInt8>] = []
        while try reader.nextSharedLine({ line, _ in kept.append(line) }) {}
        #expect(kept.map { String(decoding: $0, as: UTF8.self) } == lines)
    }

    @Test func jsonLineRecordsShareTheReadersBufferAndParseAfterLaterReads() throws {
        let text = (1 ... 50).map { "{\"id\":\($0),\"text\":\"line \($0)\"}\n" }.joined()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = ArticleReader(files: [InputFile(path: path, format: .jsonl)])
        var raw: [RawRecord] = []
        while let record = try reader.nextRaw() { raw.append(record) }
        let ids = raw.map(\.id)
        #expect(ids == (1 ... 50).map { .number("\($0)") })
    }
}

extension RawRecord {
    fileprivate var id: ArticleID { parse().id }
}
