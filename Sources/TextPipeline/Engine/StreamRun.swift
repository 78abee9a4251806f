/// One `textpipe run`: records from an ``ArticleReader``, analysed by a
/// ``StreamEngine``, written to an ``OutputSink`` in input order.
///
/// Every record yields exactly one line: its analysis or an error record.
/// Only an unreadable input, a write failure or a stage failure under
/// `on_error: fail` stops the run, by throwing.
public struct StreamRun: Sendable {
    /// Parses, analyses and encodes each record on a worker.
    public let analyser: RecordAnalyser
    /// The engine that runs the workers.
    public let engine: StreamEngine

    /// A run of `pipeline`, writing output as `output` says, with the per-article `limits` and the
    /// engine's `configuration` (workers, chunks, window).
    public init(
        pipeline: Pipeline, output: OutputOptions, limits: ArticleLimits = ArticleLimits(),
        configuration: StreamEngine.Configuration = StreamEngine.Configuration()
    ) {
        analyser = RecordAnalyser(pipeline: pipeline, output: output, limits: limits)
        engine = StreamEngine(pipeline: pipeline, configuration: configuration)
    }

    /// Runs the whole input, writing JSON lines to `sink`.
    /// - Parameters:
    ///   - reader: the input; left after the last record read.
    ///   - sink: where the encoded lines go, in input order.
    ///   - skip: records to pass over unread (already in the output of an interrupted run).
    ///   - progress: redrawn as lines are written.
    ///   - journal: absorbs each written record's digest and checkpoints before each flush of `sink`.
    ///   - interruption: see ``run(reader:encoder:writer:skip:progress:interruption:)``.
    /// - Throws: as ``run(reader:encoder:writer:skip:progress:interruption:)``.
    public func run(
        reader: inout ArticleReader, sink: OutputSink, skip: Int = 0, progress: (any RunProgressObserver)? = nil,
        journal: ResumeJournal? = nil, interruption: RunInterruption? = nil
    ) throws -> RunSummary {
        try run(
            reader: &reader, encoder: analyser.encoder, writer: StreamRecordWriter(sink: sink, journal: journal),
            skip: skip, progress: progress, interruption: interruption)
    }

    /// Runs the whole input: each record is encoded by `encoder` on a worker and
    /// handed to `writer` in input order.
    ///
    /// When an input cannot be read (an unreadable file, a truncated archive),
    /// every record before the fault is still analysed and written; then the
    /// run stops by throwing the ``InputError``.
    /// - Parameters:
    ///   - reader: the input; left after the last record read.
    ///   - encoder: turns each document or error record into bytes, on the workers.
    ///   - writer: receives the encoded records on the calling thread, in input order.
    ///   - skip: records to pass over unread (already in the output of an interrupted run).
    ///   - progress: redrawn as records are written.
    ///   - interruption: checked before each record and at each engine tick; once set, the
    ///     records written so far are flushed and the run stops.
    /// - Throws: ``InputError`` (`read_failed`, after writing the records before it), ``OutputError``,
    ///   ``PipelineError`` under `on_error: fail`, or ``RunInterrupted`` (after flushing every complete record consumed).
    public func run(
        reader: inout ArticleReader, encoder: some DocumentEncoder, writer: some RecordWriter,
        skip: Int = 0, progress: (any RunProgressObserver)? = nil, interruption: RunInterruption? = nil
    ) throws -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let startedCPU = ThreadCPUClock.seconds()
        var skipped = 0
        while skipped < skip, try reader.nextRaw() != nil { skipped += 1 }
        var summary = RunSummary()
        var bytes = 0
        let analyser = self.analyser
        // A read failure ends the input instead of cancelling the engine, so the records
        // read before it are analysed and written; the failure is thrown after the flush.
        var inputFailure: InputError?
        let report: StreamEngine.Report
        do {
            report = try engine.runMeasured(
                next: {
                    guard inputFailure == nil else { return nil }
                    do { return try reader.nextRaw() } catch let error as InputError {
                        inputFailure = error
                        return nil
                    }
                },
                transform: { record, worker in try analyser.encodeRecord(record, worker: &worker, encoder: encoder) },
                consume: { record in
                    try interruption?.check()
                    summary.articles += 1
                    if record.isError { summary.errors += 1 }
                    bytes += record.inputBytes
                    try writer.write(record)
                },
                tick: {
                    try interruption?.check()
                    try writer.flushIfDue()
                    progress?.update(articles: summary.articles, errors: summary.errors, bytes: bytes)
                }
            )
        } catch let interrupted as RunInterrupted {
            try writer.finish()
            progress?.finish()
            throw interrupted
        }
        try writer.finish()
        progress?.finish()
        if let inputFailure {
            throw InputError(
                kind: inputFailure.kind, message: "\(inputFailure.message); the run stopped there, after writing the \(summary.articles) records read before it"
            )
        }
        summary.blankLines = reader.blankLines
        summary.bytes = reader.bytesRead
        summary.seconds = (clock.now - started).seconds
        summary.stageSeconds = Array(zip(engine.pipeline.stages.map(\.id.description), report.stageSeconds))
        summary.callingThreadCPUSeconds = ThreadCPUClock.seconds() - startedCPU
        summary.workerCPUSeconds = report.workerCPUSeconds
        return summary
    }
}
