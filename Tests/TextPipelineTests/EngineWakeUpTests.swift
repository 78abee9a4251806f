import Foundation
import Testing
import TextPipeline

/// The calling thread sleeps until the workers finish what it waits for (half a
/// window of chunks, or every chunk left at the end); it must never depend on
/// its poll interval to move on.
@Suite struct EngineWakeUpTests {
    struct WokenByThePoll: Error {}

    @Test(arguments: [1, 2, 3])
    func workersWakeTheConsumerWithoutItsPoll(workers: Int) throws {
        var configuration = StreamEngine.Configuration(workers: workers, chunkRecords: 1)
        configuration.pollInterval = .seconds(6)
        let engine = StreamEngine(pipeline: try Pipeline(name: "test", stages: [WordCountStage()]), configuration: configuration)
        let count = 150
        var line = 0
        var consumed: [Int] = []
        let started = ContinuousClock.now
        _ = try engine.run(
            next: {
                guard line < count else { return nil }
                line += 1
                return .jsonLine(bytes: ArraySlice(#"{"text":"a"}"#.utf8), source: "test", line: line)
            },
            transform: { record, _ in
                guard case .jsonLine(_, _, let line) = record else { return -1 }
                usleep(UInt32(line * 7919 % 2000))  // out of order across workers
                return line
            },
            consume: {
                // A missed wake-up costs the 6 s poll; the work itself takes well under a second.
                if ContinuousClock.now - started > .seconds(5) { throw WokenByThePoll() }
                consumed.append($0)
            })
        #expect(consumed == Array(1 ... count))
    }
}
