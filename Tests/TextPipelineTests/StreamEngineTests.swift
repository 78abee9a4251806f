import Foundation
import Testing
import TextPipeline

/// Test stages: each does one thing a real stage might do, on purpose.
struct WordCountStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.words@1", summary: "test", provides: [.attribute("words")])
    func process(_ document: inout Document, context: StageContext) throws {
        document.attributes["words"] = .number(Double(document.utf8.split(separator: 0x20).count))
    }
}

/// Sleeps 0–3 ms, chosen by the article's text, so workers finish out of order.
struct RandomDelayStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.delay@1", summary: "test")
    func process(_ document: inout Document, context: StageContext) throws {
        let hash = document.utf8.reduce(UInt32(2166136261)) { ($0 ^ UInt32($1)) &* 16777619 }
        usleep(hash % 3000)
    }
}

/// Throws for texts containing "boom".
struct ThrowingStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.throw@1", summary: "test")
    func process(_ document: inout Document, context: StageContext) throws {
        if document.text.contains("boom") { throw StageError("exploded on purpose") }
    }
}

/// Spins, checking the deadline cooperatively, for texts containing "slow".
struct SpinningStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.spin@1", summary: "test")
    func process(_ document: inout Document, context: StageContext) throws {
        guard document.text.contains("slow") else { return }
        let giveUp = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < giveUp { try context.checkDeadline() }
    }
}

/// Sleeps 200 ms without checking the deadline: a stage whose long loop forgot to.
struct OverrunningStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.overrun@1", summary: "test")
    func process(_ document: inout Document, context: StageContext) throws {
        usleep(200_000)
    }
}

/// The test stages are built in code; pipeline files never name them.
extension WordCountStage { init(options: StageOptions) {} }
extension RandomDelayStage { init(options: StageOptions) {} }
extension ThrowingStage { init(options: StageOptions) {} }
extension SpinningStage { init(options: StageOptions) {} }
extension OverrunningStage { init(options: StageOptions) {} }

@Suite struct StreamEngineTests {
    func temporaryFile(_ contents: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
        return path
    }

    func run(_ stages: [any Stage], input: String, workers: Int, limits: ArticleLimits = ArticleLimits()) throws -> (
        lines: [[String: Any]], raw: String, summary: RunSummary
    ) {
        let inputPath = temporaryFile(input)
        let outputPath = temporaryFile("")
        defer {
            try? FileManager.default.removeItem(atPath: inputPath)
            try? FileManager.default.removeItem(atPath: outputPath)
        }
        let pipeline = try Pipeline(name: "test", stages: stages)
        let run = StreamRun(
            pipeline: pipeline, output: OutputOptions(), limits: limits,
            configuration: StreamEngine.Configuration(workers: workers, chunkRecords: 3))
        var reader = ArticleReader(files: [InputFile(path: inputPath, format: .jsonl)])
        let summary = try run.run(reader: &reader, sink: try OutputSink(path: outputPath))
        let raw = try String(contentsOfFile: outputPath, encoding: .utf8)
        let lines = try raw.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (lines, raw, summary)
    }

    func corpus(_ count: Int, text: (Int) -> String = { "article number \($0) with some words" }) -> String {
        (0 ..< count).map { #"{"id":\#($0),"text":"\#(text($0))"}"# }.joined(separator: "\n") + "\n"
    }

    @Test func randomDelaysNeverChangeTheOrder() throws {
        let result = try run([RandomDelayStage(), WordCountStage()], input: corpus(300), workers: 4)
        #expect(result.lines.map { $0["id"] as? Int } == Array(0 ..< 300))
        #expect(result.lines.allSatisfy { ($0["attributes"] as? [String: Any])?["words"] as? Int == 6 })
    }

    @Test func outputIsByteIdenticalForAnyNumberOfWorkers() throws {
        let input = corpus(500) { "text \($0) " + String(repeating: "w ", count: $0 % 17) }
        let one = try run([RandomDelayStage(), WordCountStage()], input: input, workers: 1).raw
        for workers in [2, 3, 8] {
            #expect(try run([RandomDelayStage(), WordCountStage()], input: input, workers: workers).raw == one)
        }
    }

    @Test func aThrowingStageGivesAnErrorRecordAndTheRunGoesOn() throws {
        let result = try run([ThrowingStage(), WordCountStage()], input: corpus(5) { $0 == 2 ? "boom here" : "fine" }, workers: 2)
        #expect(result.lines.count == 5)
        let error = try #require(result.lines[2]["error"] as? [String: Any])
        #expect(error["stage"] as? String == "test.throw@1")
        #expect(error["kind"] as? String == "stage_failed")
        #expect(error["message"] as? String == "exploded on purpose")
        #expect(error["line"] as? Int == 3)
        #expect(result.lines[3]["attributes"] != nil)
        #expect(result.summary.errors == 1)
    }

    @Test func aStageOverrunningItsDeadlineBecomesATimeoutRecord() throws {
        let limits = ArticleLimits(articleTimeout: .milliseconds(50))
        let started = ContinuousClock.now
        let result = try run([SpinningStage(), WordCountStage()], input: corpus(4) { $0 == 1 ? "slow one" : "quick" }, workers: 2, limits: limits)
        #expect(ContinuousClock.now - started < .seconds(10))
        let error = try #require(result.lines[1]["error"] as? [String: Any])
        #expect(error["kind"] as? String == "timeout")
        #expect(error["stage"] as? String == "test.spin@1")
        #expect(result.lines[2]["attributes"] != nil)
    }

    /// The stage that ran past the deadline is named, not the next one (whose check finds it expired).
    @Test func aStageThatOverranIsBlamedNotTheNext() throws {
        var worker = try Pipeline(name: "test", stages: [OverrunningStage(), WordCountStage()]).makeWorker()
        var document = Document(text: "a b")
        #expect { try worker.process(&document, context: StageContext(deadline: .now + .milliseconds(50))) } throws: { error in
            let failure = error as? PipelineError
            return failure?.stage == "test.overrun@1" && failure?.kind == .timeout
        }
        // The last stage too: an overrun there is a timeout, not a late success.
        var last = try Pipeline(name: "test", stages: [WordCountStage(), OverrunningStage()]).makeWorker()
        #expect { try last.process(&document, context: StageContext(deadline: .now + .milliseconds(50))) } throws: { error in
            (error as? PipelineError)?.stage == "test.overrun@1"
        }
    }

    @Test func oversizedArticlesAreRecordsOrTruncated() throws {
        let input = corpus(3) { $0 == 1 ? String(repeating: "é", count: 50) : "short" }
        let refused = try run([WordCountStage()], input: input, workers: 2, limits: ArticleLimits(maxArticleBytes: 20))
        let error = try #require(refused.lines[1]["error"] as? [String: Any])
        #expect(error["kind"] as? String == "oversized")
        #expect((error["message"] as? String)?.contains("100 bytes, more than --max-article-bytes 20") == true)
        let truncated = try run([WordCountStage()], input: input, workers: 2, limits: ArticleLimits(maxArticleBytes: 21, oversize: .truncate))
        #expect(truncated.lines[1]["error"] == nil)
        #expect((truncated.lines[1]["warnings"] as? [String])?.first == "text truncated from 100 to 20 bytes (--max-article-bytes)")
    }

    @Test func onErrorFailStopsTheRun() throws {
        let pipeline = try Pipeline(name: "strict", stages: [ThrowingStage()], errorPolicy: .fail)
        let inputPath = temporaryFile(corpus(10) { $0 == 4 ? "boom" : "ok" })
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        var reader = ArticleReader(files: [InputFile(path: inputPath, format: .jsonl)])
        let sink = try OutputSink(path: "/dev/null")
        #expect(throws: PipelineError.self) {
            _ = try StreamRun(pipeline: pipeline, output: OutputOptions()).run(reader: &reader, sink: sink)
        }
    }

    @Test func asyncResultsArriveInOrder() async throws {
        let pipeline = try Pipeline(name: "test", stages: [RandomDelayStage(), WordCountStage()])
        let articles = (0 ..< 100).map { Article(id: .number(String($0)), text: Array("a b c".utf8), title: nil, source: "mem", line: $0 + 1) }
        var ids: [ArticleID] = []
        for try await outcome in StreamEngine(pipeline: pipeline, configuration: .init(workers: 3)).results(for: articles, buffer: 4) {
            guard case .document(let document) = outcome else { Issue.record("unexpected failure"); continue }
            #expect(document.attributes["words"] == .number(3))
            ids.append(document.id)
        }
        #expect(ids == (0 ..< 100).map { .number(String($0)) })
    }

    /// Breaking out of the loop must end the engine's thread (which releases the
    /// article iterator) long before the input is exhausted. Without the
    /// cancellation, the engine would block forever on the full result buffer
    /// and the iterator would never be released.
    @Test func abandoningAsyncIterationStopsTheEngine() async throws {
        let pipeline = try Pipeline(name: "test", stages: [WordCountStage()])
        let probe = IterationProbe()
        var seen = 0
        for try await _ in StreamEngine(pipeline: pipeline, configuration: .init(workers: 2)).results(
            for: ProbedArticles(count: 100_000, probe: probe), buffer: 2)
        {
            seen += 1
            if seen == 5 { break }
        }
        #expect(seen == 5)
        let deadline = ContinuousClock.now + .seconds(10)
        while !probe.released, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.released, "the engine still holds the input after the loop was abandoned")
        #expect(probe.pulled < 10_000, "the engine read \(probe.pulled) of 100,000 articles after the loop was abandoned")
    }
}

/// Counts the articles pulled from a ``ProbedArticles`` and notes when its iterator is released.
final class IterationProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var pulledCount = 0
    private var isReleased = false
    var pulled: Int { lock.withLock { pulledCount } }
    var released: Bool { lock.withLock { isReleased } }
    func pull() { lock.withLock { pulledCount += 1 } }
    func release() { lock.withLock { isReleased = true } }
}

/// `count` one-word articles, reporting to `probe`.
struct ProbedArticles: Sequence, Sendable {
    let count: Int
    let probe: IterationProbe

    final class Token {
        let probe: IterationProbe
        init(probe: IterationProbe) { self.probe = probe }
        deinit { probe.release() }
    }

    struct Iterator: IteratorProtocol {
        let token: Token
        let count: Int
        var index = 0
        mutating func next() -> Article? {
            guard index < count else { return nil }
            index += 1
            token.probe.pull()
            return Article(id: .number(String(index)), text: Array("x".utf8), title: nil, source: "mem", line: index)
        }
    }

    func makeIterator() -> Iterator { Iterator(token: Token(probe: probe), count: count) }
}
