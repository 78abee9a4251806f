/// One `textpipe run`: records from an ``ArticleReader``, analysed by a
/// ``StreamEngine``, written to an ``OutputSink`` in input order.
///
/// Every record yields exactly one line: its analysis or an error record.
/// Only an unreadable input, a write failure or a stage failure under
/// `on_error: fail` stops the run, by throwing.
public struct StreamRun: Sendable {
    public let analyser: RecordAnalyser
    public let engine: StreamEngine

    public init(pipeline: Pipeline, output: OutputOptions, limits: ArticleLimits = ArticleLimits(),
                configuration: StreamEngine.Configuration = StreamEngine.Configuration()) {
        analyser = RecordAnalyser(pipeline: pipeline, output: output, limits: limits)
        engine = StreamEngine(pipeline: pipeline, configuration: configuration)
    }

    /// Runs the whole input, writing JSON lines to `sink`.
    /// - Parameters:
    ///   - skip: records to pass over unread (already in the output of an interrupted run).
    ///   - progress: redrawn as lines are written.
    /// - Throws: ``InputError`` (`read_failed`), ``OutputError``, or ``StageFailure`` under `on_error: fail`.
    public func run(reader: inout ArticleReader, sink: OutputSink, skip: Int = 0, progress: ProgressReporter? = nil) throws -> RunSummary {
        try run(reader: &reader, encoder: analyser.encoder, writer: StreamRecordWriter(sink: sink), skip: skip, progress: progress)
    }

    /// Runs the whole input: each record is encoded by `encoder` on a worker and
    /// handed to `writer` in input order.
    /// - Parameters:
    ///   - skip: records to pass over unread (already in the output of an interrupted run).
    ///   - progress: redrawn as records are written.
    /// - Throws: ``InputError`` (`read_failed`), ``OutputError``, or ``StageFailure`` under `on_error: fail`.
    public func run(reader: inout ArticleReader, encoder: some DocumentEncoder, writer: some RecordWriter,
                    skip: Int = 0, progress: ProgressReporter? = nil) throws -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var skipped = 0
        while skipped < skip, try reader.nextRaw() != nil { skipped += 1 }
        var summary = RunSummary()
        var bytes = 0
        let analyser = self.analyser
        let stageSeconds = try engine.run(
            next: { try reader.nextRaw() },
            transform: { record, worker in try analyser.encodeRecord(record, worker: &worker, encoder: encoder) },
            consume: { line in
                summary.articles += 1
                if line.isError { summary.errors += 1 }
                bytes += line.inputBytes
                try writer.write(line)
            },
            tick: {
                try writer.flushIfDue()
                progress?.update(articles: summary.articles, errors: summary.errors, bytes: bytes)
            }
        )
        try writer.finish()
        progress?.finish()
        summary.blankLines = reader.blankLines
        summary.bytes = reader.bytesRead
        summary.seconds = (clock.now - started).seconds
        summary.stageSeconds = Array(zip(engine.pipeline.stages.map(\.id.description), stageSeconds))
        return summary
    }
}
