/// Turns one raw record into its output line: parse, apply limits, run the
/// pipeline, encode. Runs on a worker thread with that worker's
/// ``PipelineWorker``; pure apart from the worker's own state.
public struct RecordAnalyser: Sendable {
    public let pipeline: Pipeline
    public let encoder: OutputEncoder
    public let limits: ArticleLimits

    public init(pipeline: Pipeline, output: OutputOptions, limits: ArticleLimits = ArticleLimits()) {
        var options = output
        options.layers = pipeline.provides
        self.pipeline = pipeline
        self.encoder = OutputEncoder(options: options)
        self.limits = limits
    }

    /// The analysed document, or the error record's fields.
    public enum Outcome: Sendable {
        case document(Document)
        case failure(id: ArticleID, stage: String, error: InputError, source: String, line: Int)
    }

    /// Parses and analyses `raw`.
    /// - Throws: ``StageFailure`` only under `on_error: fail`.
    public func analyse(_ raw: RawRecord, worker: inout PipelineWorker) throws(StageFailure) -> Outcome {
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
            return .failure(id: article.id, stage: error.stage, error: InputError(kind: error.kind, message: error.message),
                            source: article.source, line: article.line)
        }
        return .document(document)
    }

    /// Parses, analyses and encodes `raw` as one JSON line.
    public func encodeLine(_ raw: RawRecord, worker: inout PipelineWorker) throws(StageFailure) -> EncodedRecord {
        try encodeRecord(raw, worker: &worker, encoder: encoder)
    }

    /// Parses, analyses and encodes `raw` as one record of `encoder`'s format.
    /// - Returns: the record, marked as an error record when the article could not be analysed.
    public func encodeRecord(_ raw: RawRecord, worker: inout PipelineWorker, encoder: some DocumentEncoder) throws(StageFailure) -> EncodedRecord {
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
            encoder.encode(ErrorRecord(id: id, stage: stage, kind: error.kind, message: error.message, source: source, line: line),
                           into: &record)
        }
        return record
    }
}
