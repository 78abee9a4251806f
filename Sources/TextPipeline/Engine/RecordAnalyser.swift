/// Turns one raw record into its output line: parse, apply limits, run the
/// pipeline, encode. Runs on a worker thread with that worker's
/// ``PipelineWorker``; pure apart from the worker's own state.
public struct RecordAnalyser: Sendable {
    /// The pipeline run over each article.
    public let pipeline: Pipeline
    /// The encoder of `textpipe run`'s default JSON lines, built from the options given to ``init(pipeline:output:limits:)``.
    public let encoder: OutputEncoder
    /// The size and time limits applied to each article.
    public let limits: ArticleLimits

    /// An analyser for `pipeline`.
    ///
    /// `output.layers` is replaced by the layers the pipeline provides (``Pipeline/provides``): the
    /// output has exactly what the pipeline computed.
    public init(pipeline: Pipeline, output: OutputOptions, limits: ArticleLimits = ArticleLimits()) {
        var options = output
        options.layers = pipeline.provides
        self.pipeline = pipeline
        self.encoder = OutputEncoder(options: options)
        self.limits = limits
    }

    /// The analysed document, or the error record's fields.
    public enum Outcome: Sendable {
        /// The article, analysed by every stage.
        case document(Document)
        /// The record could not be analysed: `stage` is `input` for a record that could not be read or
        /// parsed, or the id of the stage that failed; `error` holds the kind and message of the error record.
        case failure(id: ArticleID, stage: String, error: InputError, source: String, line: Int)
    }

    /// Parses and analyses `raw`.
    /// - Throws: ``PipelineError`` only under `on_error: fail`.
    public func analyse(_ raw: RawRecord, worker: inout PipelineWorker) throws(PipelineError) -> Outcome {
        var article: Article
        switch raw.parse() {
        case .failure(let id, let error, let source, let line):
            return .failure(id: id, stage: "input", error: error, source: source, line: line)
        case .article(let parsed):
            article = parsed
        }
        switch limits.enforce(article) {
        case .failure(let error)?:
            return .failure(id: article.id, stage: "input", error: error, source: article.source, line: article.line)
        case .success(let truncated)?:
            article = truncated
        case nil:
            break
        }
        var document = Document(id: article.id, utf8: article.text, title: article.title, language: article.language)
        document.warnings = article.warnings
        let deadline = limits.articleTimeout.map { ContinuousClock.now + $0 }
        do {
            try worker.process(&document, context: StageContext(deadline: deadline))
        } catch {
            if pipeline.errorPolicy == .fail { throw error }
            return .failure(
                id: article.id, stage: error.stage, error: InputError(kind: error.kind, message: error.message),
                source: article.source, line: article.line)
        }
        return .document(document)
    }

    /// Parses, analyses and encodes `raw` as one JSON line.
    public func encodeLine(_ raw: RawRecord, worker: inout PipelineWorker) throws(PipelineError) -> EncodedRecord {
        try encodeRecord(raw, worker: &worker, encoder: encoder)
    }

    /// Parses, analyses and encodes `raw` as one record of `encoder`'s format.
    /// - Returns: the record, marked as an error record when the article could not be analysed.
    public func encodeRecord(_ raw: RawRecord, worker: inout PipelineWorker, encoder: some DocumentEncoder) throws(PipelineError) -> EncodedRecord {
        var record = EncodedRecord(capacity: 1024)
        record.inputBytes = raw.byteCount
        record.inputDigest = raw.digest
        switch try analyse(raw, worker: &worker) {
        case .document(let document):
            record.id = document.id
            encoder.encode(document, into: &record)
        case .failure(let id, let stage, let error, let source, let line):
            record.id = id
            record.isError = true
            encoder.encode(
                ErrorRecord(id: id, stage: stage, kind: error.kind, message: error.message, source: source, line: line),
                into: &record)
        }
        return record
    }
}
