import Foundation
import Testing

@testable import TextPipeline

/// A run reports how its CPU time divides between the calling thread (read,
/// write) and the workers, in the summary and in `--metrics`.
@Suite struct ThreadCPUTests {
    @Test func aRunReportsTheCallingThreadsAndTheWorkersCPU() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thread-cpu-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input =
            (0 ..< 400).map { #"{"id":\#($0),"text":"article \#($0) \#(String(repeating: "word ", count: 200))"}"# }
            .joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: folder + "/in.jsonl", contents: Data(input.utf8))
        let pipeline = try Pipeline(name: "test", stages: [WordCountStage()])
        let run = StreamRun(pipeline: pipeline, output: OutputOptions(), configuration: StreamEngine.Configuration(workers: 2))
        var reader = ArticleReader(files: [InputFile(path: folder + "/in.jsonl", format: .jsonl)])
        let summary = try run.run(reader: &reader, sink: try OutputSink(path: folder + "/out.jsonl"))
        #expect(summary.workerCPUSeconds > 0)
        #expect(summary.callingThreadCPUSeconds > 0)

        let metrics = RunMetrics(summary: summary, pipeline: pipeline, workers: 2, peakResidentBytes: nil)
        let object = try JSONSerialization.jsonObject(with: Data(metrics.json)) as? [String: Any]
        let threads = try #require(object?["threads"] as? [String: Double])
        #expect(abs((threads["calling_cpu_seconds"] ?? -1) - summary.callingThreadCPUSeconds) < 1e-9)
        #expect(abs((threads["workers_cpu_seconds"] ?? -1) - summary.workerCPUSeconds) < 1e-9)
    }

    @Test func theThreadClockAdvancesWithWorkOnThisThread() {
        let before = ThreadCPUClock.seconds()
        var sum = 0
        for index in 0 ..< 20_000_000 { sum &+= index &* index }
        #expect(sum != 1)
        #expect(ThreadCPUClock.seconds() > before)
    }
}
