import Foundation
import Testing
import TextPipeline

/// One slow record neither holds back the finished records before it nor lets memory grow.
@Suite struct HeadOfLineTests {
    func article(_ index: Int, _ text: String) -> RawRecord {
        .parsed(.article(Article(id: .number(String(index)), text: Array(text.utf8), title: nil, source: "mem", line: index + 1)))
    }

    /// Sleeps 3 s, ignoring deadlines, for the record whose text is "slow".
    static func sleepingIfSlow(_ record: RawRecord) -> RawRecord {
        if case .parsed(.article(let article)) = record, article.text == Array("slow".utf8) { sleep(3) }
        return record
    }

    @Test func recordsBeforeASlowOneAreConsumedWhileItRuns() throws {
        let pipeline = try Pipeline(name: "test", stages: [WordCountStage()])
        let records = (0 ..< 10).map { article($0, "quick") } + [article(10, "slow")] + (11 ..< 20).map { article($0, "quick") }
        var iterator = records.makeIterator()
        let started = ContinuousClock.now
        var consumedAt: [Duration] = []
        var ticksWhileSlow = 0
        _ = try StreamEngine(pipeline: pipeline, configuration: .init(workers: 2)).run(
            next: { iterator.next() },
            transform: { record, _ in Self.sleepingIfSlow(record) },
            consume: { _ in consumedAt.append(ContinuousClock.now - started) },
            tick: { if consumedAt.count == 10 { ticksWhileSlow += 1 } }
        )
        #expect(consumedAt.count == 20)
        #expect(consumedAt[9] < .milliseconds(1500), "the ten records before the slow one waited \(consumedAt[9])")
        #expect(consumedAt[10] >= .seconds(3))
        #expect(ticksWhileSlow >= 5, "tick (which flushes output) ran \(ticksWhileSlow) times while the slow record ran")
    }

    @Test func whileARecordRunsLongTheReaderStopsAtTheWindow() throws {
        let pipeline = try Pipeline(name: "test", stages: [WordCountStage()])
        var read = 0
        var readWhileSlow = 0
        let started = ContinuousClock.now
        let configuration = StreamEngine.Configuration(workers: 2, window: 2, chunkRecords: 4)
        _ = try StreamEngine(pipeline: pipeline, configuration: configuration).run(
            next: {
                guard read < 2_000 else { return nil }
                read += 1
                if ContinuousClock.now - started < .seconds(2) { readWhileSlow = read }
                return article(read, read == 1 ? "slow" : "quick")
            },
            transform: { record, _ in Self.sleepingIfSlow(record) },
            consume: { _ in }
        )
        #expect(read == 2_000)
        #expect(readWhileSlow <= 3 * 4, "\(readWhileSlow) records read while the first one ran")
    }
}
