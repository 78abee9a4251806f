import Foundation
import Testing
import TextPipeline

/// `StreamRun` reports progress through a `RunProgressObserver` (the CLI's progress line is one).
@Suite struct RunProgressObserverTests {
    final class Recorder: RunProgressObserver, @unchecked Sendable {
        var updates: [(articles: Int, errors: Int, bytes: Int)] = []
        var finishes = 0
        func update(articles: Int, errors: Int, bytes: Int) { updates.append((articles, errors, bytes)) }
        func finish() { finishes += 1 }
    }

    @Test func observerSeesRunningTotalsAndOneFinish() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl").path
        let lines = (0 ..< 300).map { #"{"id":"\#($0)","text":"word \#($0) and more words"}"# } + ["not json"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.jsonl").path

        let pipeline = try Pipeline(name: "test", stages: [WordCountStage()])
        let run = StreamRun(pipeline: pipeline, output: OutputOptions(), configuration: .init(workers: 2, chunkRecords: 8))
        var reader = ArticleReader(files: [InputFile(path: input, format: .jsonl)])
        let recorder = Recorder()
        let summary = try run.run(reader: &reader, sink: try OutputSink(path: output), progress: recorder)

        #expect(summary.articles == 301)
        #expect(summary.errors == 1)
        #expect(recorder.finishes == 1)
        #expect(!recorder.updates.isEmpty)
        // Totals only grow, and never pass the run's.
        for (earlier, later) in zip(recorder.updates, recorder.updates.dropFirst()) {
            #expect(earlier.articles <= later.articles && earlier.bytes <= later.bytes)
        }
        #expect(recorder.updates.allSatisfy { $0.articles <= summary.articles && $0.errors <= summary.errors })
    }
}
