import Foundation

/// Runs a pipeline over a stream of records on N worker threads, delivering
/// results in input order with bounded memory.
///
///     calling thread                 worker threads (N)            calling thread
///     next() ─► [window of ≤ W records in flight] ─► transform ─► reorder ─► consume()
///
/// - The calling thread reads records and consumes results; workers parse,
///   analyse and encode. Each worker owns one ``PipelineWorker``, created on
///   its own thread; read-only resources inside the pipeline's stages are shared.
/// - Records travel in chunks (up to ``Configuration/chunkRecords`` records or
///   ``Configuration/chunkBytes`` bytes), so threads synchronise once per chunk,
///   not once per article.
/// - At most ``Configuration/window`` chunks are in flight (read but not yet
///   consumed). A slow consumer therefore stops the reader: memory depends on
///   the window and the largest record, not on the input's size.
/// - Results are consumed in input order whatever the number of workers, so
///   output is byte-identical for any N.
/// - No head-of-line blocking of finished work: workers publish each record's
///   result as it finishes, and the calling thread wakes at least every
///   ``Configuration/pollInterval`` to consume the finished records before a
///   slow one (and to call `tick`, which flushes output). While one record runs
///   long, the others' results wait in memory only up to the window.
public struct StreamEngine: Sendable {
    /// How many threads the engine runs and how much work it keeps in flight.
    public struct Configuration: Sendable {
        /// Worker threads; at least 1.
        public var workers: Int
        /// Chunks in flight at most.
        public var window: Int
        /// Records per chunk at most.
        public var chunkRecords: Int
        /// A chunk is closed once its records hold this many bytes.
        public var chunkBytes: Int
        /// The calling thread consumes finished records and calls `tick` at least this often.
        public var pollInterval: Duration = .milliseconds(200)

        /// `workers` threads (default: the number of active cores) and a window of 4 chunks per worker.
        public init(workers: Int? = nil, window: Int? = nil, chunkRecords: Int = 64, chunkBytes: Int = 256 << 10) {
            let count = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            self.workers = count
            self.window = max(count, window ?? 4 * count)
            self.chunkRecords = max(1, chunkRecords)
            self.chunkBytes = max(1, chunkBytes)
        }
    }

    /// The pipeline each worker runs.
    public let pipeline: Pipeline
    /// Threads, chunk sizes and the window.
    public let configuration: Configuration

    /// An engine for `pipeline`; nothing starts until ``run(next:transform:consume:tick:)`` or ``results(for:limits:buffer:)``.
    public init(pipeline: Pipeline, configuration: Configuration = Configuration()) {
        self.pipeline = pipeline
        self.configuration = configuration
    }

    /// Processes every record that `next` yields.
    ///
    /// - Parameters:
    ///   - next: yields the next record on the calling thread, or nil at the end.
    ///   - transform: turns a record into an output, on a worker thread, with that worker's pipeline.
    ///   - consume: receives outputs in input order, on the calling thread.
    ///   - tick: called on the calling thread after each batch of consumed outputs (for progress).
    /// - Returns: seconds spent in each stage, summed over workers, in pipeline order.
    /// - Throws: the first error of `next`, `consume`, `transform` or a worker's start-up;
    ///   workers are stopped and joined before it is rethrown.
    public func run<Output: Sendable>(
        next: () throws -> RawRecord?,
        transform: @escaping @Sendable (RawRecord, inout PipelineWorker) throws -> Output,
        consume: (Output) throws -> Void,
        tick: () throws -> Void = {}
    ) throws -> [Double] {
        try runMeasured(next: next, transform: transform, consume: consume, tick: tick).stageSeconds
    }

    /// What ``runMeasured(next:transform:consume:tick:)`` measured.
    public struct Report: Sendable {
        /// Seconds spent in each stage, summed over workers, in pipeline order.
        public var stageSeconds: [Double]
        /// CPU seconds (user + system) of the worker threads, summed, over their whole lives.
        public var workerCPUSeconds: Double
    }

    /// ``run(next:transform:consume:tick:)``, also reporting the workers' CPU time
    /// (`CLOCK_THREAD_CPUTIME_ID`, read once per worker as it ends).
    public func runMeasured<Output: Sendable>(
        next: () throws -> RawRecord?,
        transform: @escaping @Sendable (RawRecord, inout PipelineWorker) throws -> Output,
        consume: (Output) throws -> Void,
        tick: () throws -> Void = {}
    ) throws -> Report {
        let shared = EngineShared<Output>(stageCount: pipeline.stages.count)
        startWorkers(shared: shared, transform: transform)
        do {
            try feed(shared: shared, next: next, consume: consume, tick: tick)
        } catch let error as RunInterrupted {
            // Do not wait for a record that may run long: workers stop after their current record.
            shared.cancel()
            throw error
        } catch {
            shared.cancel()
            shared.waitForWorkers()
            throw error
        }
        shared.waitForWorkers()
        if let error = shared.startupError { throw error }
        return Report(stageSeconds: shared.stageSeconds, workerCPUSeconds: shared.workerCPUSeconds)
    }

    private func startWorkers<Output: Sendable>(shared: EngineShared<Output>, transform: @escaping @Sendable (RawRecord, inout PipelineWorker) throws -> Output)
    {
        shared.liveWorkers = configuration.workers
        for index in 0 ..< configuration.workers {
            let pipeline = self.pipeline
            let thread = Thread {
                shared.work(pipeline: pipeline, transform: transform)
            }
            thread.name = "textpipe-worker-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The calling thread's loop: keep the window full, consume results in order.
    private func feed<Output: Sendable>(shared: EngineShared<Output>, next: () throws -> RawRecord?, consume: (Output) throws -> Void, tick: () throws -> Void)
        throws
    {
        var nextSequence = 0
        var nextToConsume = 0
        var consumedInHead = 0
        var inputDone = false
        // Wake for half a window of finished chunks, not for each: the workers keep the other half.
        let batch = max(1, configuration.window / 2)
        let pollSeconds = Double(configuration.pollInterval.components.seconds) + Double(configuration.pollInterval.components.attoseconds) * 1e-18
        while true {
            while !inputDone, nextSequence - nextToConsume < configuration.window {
                var chunk: [RawRecord] = []
                chunk.reserveCapacity(configuration.chunkRecords)
                var bytes = 0
                while chunk.count < configuration.chunkRecords, bytes < configuration.chunkBytes, let record = try next() {
                    bytes += record.byteCount
                    chunk.append(record)
                }
                if chunk.count < configuration.chunkRecords, bytes < configuration.chunkBytes { inputDone = true }
                if !chunk.isEmpty {
                    shared.enqueue(sequence: nextSequence, chunk: chunk)
                    nextSequence += 1
                }
                if inputDone { shared.closeInput() }
            }
            if inputDone, nextToConsume == nextSequence { return }
            let ready = try shared.takeReady(
                from: nextToConsume, offset: consumedInHead, chunks: min(batch, nextSequence - nextToConsume),
                until: Date(timeIntervalSinceNow: pollSeconds))
            for chunk in ready.chunks {
                for index in chunk.indices {
                    // Bound in place, not copied out of the Result first.
                    switch chunk[index] {
                    case .success(let output): try consume(output)
                    case .failure(let error): throw error
                    }
                }
            }
            nextToConsume += ready.completedChunks
            consumedInHead = ready.headOffset
            try tick()
        }
    }
}

/// State shared by the calling thread and the workers, under one condition variable.
final class EngineShared<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(sequence: Int, chunk: [RawRecord])] = []
    private var queueHead = 0
    /// Results of finished chunks, by sequence.
    private var results: [Int: [Result<Output, any Error>]] = [:]
    /// Results of chunks being worked on, one appended per finished record.
    private var partial: [Int: [Result<Output, any Error>]] = [:]
    private var inputClosed = false
    /// While the consumer waits: the first chunk it consumes next and how many
    /// chunks from there must be finished to wake it.
    private var consumerWaitsFor: (sequence: Int, chunks: Int)?
    private var cancelled = false
    var liveWorkers = 0
    private(set) var startupError: (any Error)?
    private(set) var stageSeconds: [Double]
    /// CPU seconds of the workers that have ended.
    private(set) var workerCPUSeconds = 0.0

    init(stageCount: Int) {
        stageSeconds = Array(repeating: 0, count: stageCount)
    }

    func enqueue(sequence: Int, chunk: [RawRecord]) {
        condition.lock()
        if queueHead > 256, queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        queue.append((sequence, chunk))
        condition.signal()
        condition.unlock()
    }

    func closeInput() {
        condition.lock()
        inputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Results ready for the consumer: the rest of the head chunk and of the chunks finished after it, then the finished records of the next unfinished chunk.
    ///
    /// The results stay in the chunks' own arrays (moved out of the shared state, not
    /// copied), so the lock the workers publish under is held only briefly.
    struct Ready {
        /// The results, chunk by chunk, in order.
        var chunks: [ArraySlice<Result<Output, any Error>>] = []
        /// Chunks consumed whole.
        var completedChunks = 0
        /// Records of the new head chunk consumed so far.
        var headOffset = 0
    }

    /// Waits until the `chunks` chunks from `sequence` on are finished or `deadline` passes, then
    /// returns every result that can be consumed in order, skipping the
    /// first `offset` results of chunk `sequence` (consumed earlier).
    ///
    /// Waiting for several chunks, not one, wakes the calling thread once per
    /// batch: each wake-up costs both cores kernel time (a VM's wake-up is an interrupt between cores).
    /// - Throws: a worker's start-up error.
    func takeReady(from sequence: Int, offset: Int, chunks: Int, until deadline: Date) throws -> Ready {
        condition.lock()
        defer { condition.unlock() }
        let wanted = max(1, chunks)
        while finishedRun(from: sequence, upTo: wanted) < wanted {
            if let startupError { throw startupError }
            consumerWaitsFor = (sequence, wanted)
            let woken = condition.wait(until: deadline)
            consumerWaitsFor = nil
            if !woken { break }
        }
        var ready = Ready()
        var next = sequence
        var skip = offset
        while let chunk = results.removeValue(forKey: next) {
            ready.chunks.append(chunk[skip...])
            skip = 0
            next += 1
        }
        ready.completedChunks = next - sequence
        if let finished = partial[next], finished.count > skip {
            // Rare (a slow record): the worker's next append copies its array once.
            ready.chunks.append(finished[skip...])
            skip = finished.count
        }
        ready.headOffset = skip
        return ready
    }

    /// How many chunks from `sequence` on are finished, counting at most `limit`. Call under the lock.
    private func finishedRun(from sequence: Int, upTo limit: Int) -> Int {
        var count = 0
        while count < limit, results[sequence + count] != nil { count += 1 }
        return count
    }

    func waitForWorkers() {
        condition.lock()
        while liveWorkers > 0 { condition.wait() }
        condition.unlock()
    }

    /// A worker thread's whole life.
    func work(pipeline: Pipeline, transform: (RawRecord, inout PipelineWorker) throws -> Output) {
        var worker: PipelineWorker
        do {
            worker = try pipeline.makeWorker()
        } catch {
            condition.lock()
            if startupError == nil { startupError = error }
            liveWorkers -= 1
            condition.broadcast()
            condition.unlock()
            return
        }
        chunks: while let (sequence, chunk) = take() {
            condition.lock()
            partial[sequence] = [Result<Output, any Error>](unsafeUninitializedCapacity: chunk.count) { _, count in count = 0 }
            condition.unlock()
            for record in chunk {
                let result = Result { try transform(record, &worker) }
                condition.lock()
                partial[sequence, default: []].append(result)
                let stop = cancelled
                condition.unlock()
                if stop { break chunks }
            }
            condition.lock()
            results[sequence] = partial.removeValue(forKey: sequence) ?? []
            // Wake the consumer only when what it waits for is complete (broadcast: idle workers wait here too).
            if let waiting = consumerWaitsFor, finishedRun(from: waiting.sequence, upTo: waiting.chunks) == waiting.chunks {
                condition.broadcast()
            }
            condition.unlock()
        }
        let cpuSeconds = ThreadCPUClock.seconds()
        condition.lock()
        for (index, seconds) in worker.stageSeconds.enumerated() { stageSeconds[index] += seconds }
        workerCPUSeconds += cpuSeconds
        liveWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next queued chunk, or nil when the input is closed and drained or the run is cancelled.
    private func take() -> (Int, [RawRecord])? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count, !inputClosed, !cancelled { condition.wait() }
        guard !cancelled, queueHead < queue.count else { return nil }
        let item = queue[queueHead]
        // The worker owns the records now: the queue must not keep them (and the input
        // buffers their bytes share) alive until it is compacted, hundreds of chunks later.
        queue[queueHead].chunk = []
        queueHead += 1
        return item
    }
}
