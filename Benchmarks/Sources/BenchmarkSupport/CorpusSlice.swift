import Foundation
import TextPipeline

/// "The first N MB" of the benchmark corpus: whole records from the top of
/// `../shared/data/corpus/news.jsonl` until N × 10^6 bytes of `text` are read.
///
/// When the shared corpus is missing (or `TEXTPIPE_CORPUS` names no file),
/// a deterministic generated corpus is used instead, and ``source`` says so.
public struct CorpusSlice: Sendable {
    public let articles: [Article]
    /// Total bytes of article text.
    public let textBytes: Int
    /// Where the articles came from, for reports.
    public let source: String

    /// Loads the first `megabytes` MB of text.
    public static func load(megabytes: Double) -> CorpusSlice {
        let limit = Int(megabytes * 1_000_000)
        if let path = corpusPath(), let slice = try? read(path: path, limit: limit) {
            return slice
        }
        let slice = GeneratedCorpus.make(bytes: limit)
        FileHandle.standardError.write(Data("benchmark: shared corpus not found; using a generated corpus of \(slice.textBytes) bytes\n".utf8))
        return slice
    }

    /// `TEXTPIPE_CORPUS`, else `../shared/data/corpus/news.jsonl` beside the repository.
    public static func corpusPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["TEXTPIPE_CORPUS"] {
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 5 { url.deleteLastPathComponent() }  // Sources/BenchmarkSupport/CorpusSlice.swift → repo parent
        let path = url.appendingPathComponent("shared/data/corpus/news.jsonl").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func read(path: String, limit: Int) throws -> CorpusSlice {
        var reader = ArticleReader(files: [InputFile(path: path, format: .jsonl)])
        var articles: [Article] = []
        var total = 0
        while total < limit, let record = try reader.next() {
            guard case .article(let article) = record else { continue }
            articles.append(article)
            total += article.text.count
        }
        return CorpusSlice(articles: articles, textBytes: total, source: path)
    }

    init(articles: [Article], textBytes: Int, source: String) {
        self.articles = articles
        self.textBytes = textBytes
        self.source = source
    }

    /// Prints where the slice came from and its size, once per suite.
    public func announce() {
        print("corpus: \(source), \(articles.count) articles, \(Double(textBytes) / 1e6) MB of text")
    }

    /// Documents for every article, with no layers yet.
    public func documents() -> [Document] {
        articles.map { Document(id: $0.id, utf8: $0.text, title: $0.title) }
    }
}

/// A deterministic news-like corpus for machines without the shared data.
enum GeneratedCorpus {
    static let words = [
        "the", "government", "said", "on", "Monday", "that", "it", "would", "raise", "interest", "rates",
        "by", "percent", "after", "inflation", "rose", "in", "October", "Mr.", "Smith", "told", "reporters",
        "company", "shares", "fell", "to", "a", "record", "low", "while", "analysts", "expected", "growth",
        "Reuters", "Tokyo", "Berlin", "São", "Paulo", "officials", "million", "dollars", "U.S.", "market",
    ]

    static func make(bytes limit: Int) -> CorpusSlice {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var articles: [Article] = []
        var total = 0
        while total < limit {
            var text = ""
            for sentence in 0 ..< 5 + next(20) {
                var words: [String] = []
                for _ in 0 ..< 6 + next(25) { words.append(next(10) == 0 ? String(next(10_000)) : Self.words[next(Self.words.count)]) }
                text += words.joined(separator: " ").capitalizedFirst + (next(8) == 0 ? "?" : ".")
                text += sentence % 4 == 3 ? "\n\n" : " "
            }
            let bytes = Array(text.utf8)
            total += bytes.count
            articles.append(Article(id: .string("generated-\(articles.count)"), text: bytes, title: nil, source: "generated", line: articles.count + 1))
        }
        return CorpusSlice(articles: articles, textBytes: total, source: "generated corpus (shared data missing)")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
