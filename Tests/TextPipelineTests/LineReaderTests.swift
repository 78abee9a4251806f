import Foundation
import Testing
import TextPipeline

/// Records split on 0x0A only; `\r` before it is dropped; a BOM is skipped; blank lines are counted.
@Suite struct LineReaderTests {
    func records(_ bytes: [UInt8]) throws -> (records: [InputRecord], blank: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = ArticleReader(files: [InputFile(path: path, format: .jsonl)])
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (records, reader.blankLines)
    }

    @Test func splitsOnLineFeedOnlyAndDropsCarriageReturns() throws {
        let text = "\u{FEFF}{\"id\":1,\"text\":\"a\u{2028}b\"}\r\n\n  \n{\"id\":2,\"text\":\"c\"}"
        let (records, blank) = try records(Array(text.utf8))
        #expect(records.map(\.id) == [.number("1"), .number("2")])
        #expect(blank == 2)
        if case .article(let first) = records[0] {
            #expect(String(decoding: first.text, as: UTF8.self) == "a\u{2028}b")
            #expect(first.line == 1)
        }
        if case .article(let second) = records[1] { #expect(second.line == 4) }
    }

    @Test func lineLongerThanTheReadChunkIsKeptWhole() throws {
        let long = String(repeating: "x", count: 3_000_000)
        let (records, _) = try records(Array("{\"text\":\"\(long)\"}\n".utf8))
        guard case .article(let article) = try #require(records.first) else { Issue.record("expected an article"); return }
        #expect(article.text.count == 3_000_000)
    }
}
