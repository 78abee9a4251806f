import Foundation

extension StreamEngine {
    /// Analyses `articles` on the engine's workers and yields one outcome per
    /// article, in input order: the Swift API of `textpipe run`.
    ///
    ///     let engine = StreamEngine(pipeline: pipeline)
    ///     for try await outcome in engine.results(for: articles) {
    ///         if case .document(let document) = outcome { print(document.sentences.count) }
    ///     }
    ///
    /// Backpressure reaches the workers: at most `buffer` outcomes wait for the
    /// consumer. Abandoning the iteration stops the engine.
    /// - Throws (from iteration): ``PipelineError`` under `on_error: fail`, or a worker's start-up error.
    public func results<Articles: Sequence & Sendable>(for articles: Articles, limits: ArticleLimits = ArticleLimits(), buffer: Int = 256)
        -> AnalysisResults where Articles.Element == Article
    {
        let channel = ResultChannel(capacity: max(1, buffer))
        let analyser = RecordAnalyser(pipeline: pipeline, output: OutputOptions(), limits: limits)
        let engine = self
        let thread = Thread {
            var iterator = articles.makeIterator()
            do {
                _ = try engine.run(
                    next: { iterator.next().map { RawRecord.parsed(.article($0)) } },
                    transform: { record, worker in try analyser.analyse(record, worker: &worker) },
                    consume: { outcome in if !channel.send(outcome) { throw CancellationError() } }
                )
                channel.finish(error: nil)
            } catch {
                channel.finish(error: error is CancellationError ? nil : error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return AnalysisResults(channel: channel)
    }
}

/// The outcomes of ``StreamEngine/results(for:limits:buffer:)``, in input order.
public struct AnalysisResults: AsyncSequence, Sendable {
    public typealias Element = RecordAnalyser.Outcome
    let channel: ResultChannel

    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: ResultChannel
        let owner: ChannelOwner
        public mutating func next() async throws -> RecordAnalyser.Outcome? { try await channel.receive() }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: channel, owner: ChannelOwner(channel: channel))
    }
}

/// Cancels the channel when the last iterator is released.
final class ChannelOwner: Sendable {
    let channel: ResultChannel
    init(channel: ResultChannel) { self.channel = channel }
    deinit { channel.cancel() }
}

/// A bounded hand-off from the engine's thread to an async consumer.
final class ResultChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [RecordAnalyser.Outcome] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var waiter: CheckedContinuation<RecordAnalyser.Outcome?, any Error>?

    init(capacity: Int) { self.capacity = capacity }

    /// Hands over one outcome, blocking while the buffer is full. Returns false when the consumer went away.
    ///
    /// A waiting consumer is checked again after every wake-up: it can only be
    /// waiting when the buffer is empty, so handing it the outcome keeps order.
    func send(_ outcome: RecordAnalyser.Outcome) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if cancelled { return false }
            if let waiter {
                self.waiter = nil
                waiter.resume(returning: outcome)
                return true
            }
            if buffer.count - head < capacity {
                buffer.append(outcome)
                return true
            }
            condition.wait()
        }
    }

    func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        let waiter = self.waiter
        self.waiter = nil
        condition.unlock()
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func receive() async throws -> RecordAnalyser.Outcome? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if head < buffer.count {
                let outcome = buffer[head]
                head += 1
                if head > 1024, head * 2 > buffer.count {
                    buffer.removeFirst(head)
                    head = 0
                }
                condition.broadcast()
                condition.unlock()
                continuation.resume(returning: outcome)
            } else if finished {
                let failure = self.failure
                self.failure = nil
                condition.unlock()
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
            } else {
                waiter = continuation
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
