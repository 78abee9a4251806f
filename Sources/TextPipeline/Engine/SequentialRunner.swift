/// Reads records, analyses articles with one ``PipelineWorker`` and writes one
/// output line per record, in input order.
///
/// Every record yields exactly one line: its analysis, or an error record.
/// Only an unreadable input, a write failure, or a stage failure under
/// `on_error: fail` stops the run early, by throwing.
public struct SequentialRunner {
    public let pipeline: Pipeline
    public let encoder: OutputEncoder

    public init(pipeline: Pipeline, output: OutputOptions) {
        var options = output
        options.layers = pipeline.provides
        self.pipeline = pipeline
        self.encoder = OutputEncoder(options: options)
    }

    /// Runs the whole input.
    /// - Throws: ``InputError`` (`read_failed`), ``OutputError``, or ``StageFailure`` under `on_error: fail`.
    public func run(reader: inout ArticleReader, sink: OutputSink) throws -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var worker = try pipeline.makeWorker()
        var summary = RunSummary()
        var buffer = JSONBuffer()
        while let record = try reader.next() {
            buffer.bytes.removeAll(keepingCapacity: true)
            if try !analyse(record, worker: &worker, into: &buffer) { summary.errors += 1 }
            summary.articles += 1
            try sink.write(buffer.bytes)
        }
        try sink.flush()
        summary.blankLines = reader.blankLines
        summary.bytes = reader.bytesRead
        summary.seconds = (clock.now - started).seconds
        summary.stageSeconds = Array(zip(worker.stages, worker.stageSeconds))
        return summary
    }

    /// Encodes one record's line into `buffer`. Returns false when it is an error record.
    public func analyse(_ record: InputRecord, worker: inout PipelineWorker, into buffer: inout JSONBuffer) throws(StageFailure) -> Bool {
        switch record {
        case .failure(let id, let error, let source, let line):
            encoder.encodeError(id: id, stage: "input", kind: error.kind, message: error.message, source: source, line: line, into: &buffer)
            return false
        case .article(let article):
            var document = Document(id: article.id, utf8: article.text, title: article.title)
            document.warnings = article.warnings
            do {
                try worker.process(&document)
            } catch {
                if pipeline.errorPolicy == .fail { throw error }
                encoder.encodeError(id: article.id, stage: error.stage, kind: error.kind, message: error.message,
                                    source: article.source, line: article.line, into: &buffer)
                return false
            }
            encoder.encode(document, into: &buffer)
            return true
        }
    }
}
