import Foundation
import TestSupport
import Testing
import TextPipeline

/// Throughput of `keywords.yake@1` alone, tokens and sentences precomputed, over
/// the first 10 MB of text of a corpus (whole lines until 10^7 bytes of `text`).
///
/// Runs only when `TEXTPIPE_KEYWORDS_BENCH` names the corpus, in a release build:
///
///     TEXTPIPE_KEYWORDS_BENCH=../shared/data/corpus/news.jsonl \
///       swift test -c release --filter KeywordThroughputTests
@Suite struct KeywordThroughputTests {
    static let corpus = ProcessInfo.processInfo.environment["TEXTPIPE_KEYWORDS_BENCH"]

    /// Documents holding the first `limit` bytes of text, tokenized and split into sentences.
    static func preparedDocuments(limit: Int) throws -> [Document] {
        let pipeline = try DocumentFixtures.sentencePipeline()
        var worker = try pipeline.makeWorker()
        var reader = ArticleReader(files: [InputFile(path: try #require(corpus), format: .jsonl)])
        var documents: [Document] = []
        var bytes = 0
        while bytes < limit, let record = try reader.next() {
            guard case .article(let article) = record else { continue }
            var document = Document(id: article.id, utf8: article.text, title: article.title)
            try worker.process(&document)
            documents.append(document)
            bytes += article.text.count
        }
        return documents
    }

    /// CPU time of the calling thread: steadier than wall time on a shared machine.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test(.enabled(if: corpus != nil), arguments: ["keywords.yake@1"])
    func throughput(stage: String) throws {
        let documents = try Self.preparedDocuments(limit: 10_000_000)
        let bytes = documents.reduce(0) { $0 + $1.utf8.count }
        let pipeline = try DocumentFixtures.pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: sentences.icu@1
              - use: \(stage)
            """)
        var worker = try pipeline.stages[2].makeWorker()
        var best = Double.infinity
        var bestWall = Double.infinity
        for _ in 0 ..< 5 {
            var copies = documents
            let clock = ContinuousClock()
            let started = clock.now
            let cpuStarted = Self.threadCPUSeconds()
            for index in copies.indices { try worker.process(&copies[index], context: StageContext()) }
            best = min(best, Self.threadCPUSeconds() - cpuStarted)
            bestWall = min(bestWall, (clock.now - started).seconds)
            #expect(copies.contains { !$0.keywords.isEmpty })
        }
        let rate = Double(bytes) / 1e6 / best
        print(
            "\(stage): \(documents.count) articles, \(bytes) bytes of text, best of 5: \(String(format: "%.3f", best)) s of thread CPU time "
                + "(\(String(format: "%.3f", bestWall)) s wall), \(String(format: "%.1f", rate)) MB/s")
        #if !DEBUG
            #expect(rate >= 40)
        #endif
    }
}
