import Foundation
import Testing
import TextPipeline

/// A record longer than the limits is never buffered whole, and still yields exactly one record.
@Suite struct BoundedReadingTests {
    func temporaryFile(_ bytes: [UInt8], suffix: String = ".jsonl") -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)\(suffix)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test func aLineOverTheLimitKeepsItsStartAndTheNextLineIsReadWhole() throws {
        let long = Array("{\"id\":1,\"text\":\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000) + Array("\"}\r\n".utf8)
        let path = temporaryFile(long + Array("{\"id\":2,\"text\":\"after\"}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = LineReader(source: try ByteSource(path: path), chunkSize: 64, maxLineBytes: 100)
        var seen: [(count: Int, extent: LineExtent)] = []
        while try reader.nextLine({ line, extent in seen.append((line.count, extent)) }) {}
        #expect(seen.count == 2)
        #expect(seen[0].count == 100)
        #expect(seen[0].extent.totalBytes == long.count - 2 && seen[0].extent.isCut)
        #expect(seen[1].extent.totalBytes == 23 && !seen[1].extent.isCut)
        #expect(seen[1].count == 23)
        #expect(reader.lineNumber == 2)
    }

    func records(_ bytes: [UInt8], limits: ArticleLimits, suffix: String = ".jsonl") throws -> [InputRecord] {
        let path = temporaryFile(bytes, suffix: suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = ArticleReader(files: [InputFile(path: path, format: InputFile.format(ofPath: path))], limits: limits)
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// A line past 4 × 10 + 1 MiB bytes: `oversized` with its id, or its text's start with a warning.
    @Test func aCutLineIsOneOversizedRecordOrATruncatedArticle() throws {
        let text = String(repeating: "é", count: 700_000)  // 1.4 MB, past the 1,048,616-byte line limit
        let line = Array("{\"id\":\"big\",\"text\":\"\(text)\"}\n{\"text\":\"next\"}\n".utf8)
        let refused = try records(line, limits: ArticleLimits(maxArticleBytes: 10))
        #expect(refused.count == 2)
        guard case .failure(let id, let error, _, let number) = try #require(refused.first) else { Issue.record("expected an error"); return }
        #expect(id == .string("big"))
        #expect(error.kind == .oversized)
        #expect(error.message.contains("1400022 bytes, more than the 1048616 read"))
        #expect(number == 1)
        guard case .article = refused[1] else { Issue.record("the next line must be read whole"); return }

        let truncated = try records(line, limits: ArticleLimits(maxArticleBytes: 11, oversize: .truncate))
        guard case .article(let article) = try #require(truncated.first) else { Issue.record("expected an article"); return }
        #expect(article.id == .string("big"))
        #expect(article.text == Array(String(repeating: "é", count: 5).utf8))  // 10 bytes: never half a character
        #expect(article.warnings.first?.hasPrefix("text truncated to 10 bytes: the line has 1400022 bytes") == true)
    }

    @Test func aCutLineWithItsIdAfterTheCutGetsTheSourceLineId() throws {
        let line = Array("{\"text\":\"\(String(repeating: "a", count: 1_100_000))\",\"id\":7}\n".utf8)
        let records = try records(line, limits: ArticleLimits(maxArticleBytes: 3, oversize: .truncate))
        guard case .article(let article) = try #require(records.first) else { Issue.record("expected an article"); return }
        #expect(article.text == Array("aaa".utf8))
        #expect(article.id.description.hasSuffix(".jsonl:1"))
    }

    @Test func aCutLineWhoseTextStartsAfterTheCutIsOversized() throws {
        let line = Array("{\"id\":1,\"meta\":\"\(String(repeating: "m", count: 1_100_000))\",\"text\":\"t\"}\n".utf8)
        let records = try records(line, limits: ArticleLimits(maxArticleBytes: 3, oversize: .truncate))
        guard case .failure(_, let error, _, _) = try #require(records.first) else { Issue.record("expected an error"); return }
        #expect(error.kind == .oversized)
        #expect(error.message.contains("its text does not start within them"))
    }

    /// A text file is kept up to the limit only; the records are those a whole read gave.
    @Test func aLargeTextFileIsCountedNotBuffered() throws {
        let body = Array(String(repeating: "ü", count: 2_000).utf8)
        let refused = try records(body, limits: ArticleLimits(maxArticleBytes: 100), suffix: ".txt")
        guard case .failure(_, let error, _, _) = try #require(refused.first) else { Issue.record("expected an error"); return }
        #expect(error.message == "the text has 4000 bytes, more than --max-article-bytes 100")
        let truncated = try records(body, limits: ArticleLimits(maxArticleBytes: 101, oversize: .truncate), suffix: ".txt")
        guard case .article(let article) = try #require(truncated.first) else { Issue.record("expected an article"); return }
        #expect(article.text.count == 100)
        #expect(article.warnings == ["text truncated from 4000 to 100 bytes (--max-article-bytes)"])
    }
}
