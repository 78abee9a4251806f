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
        var document = Document(id: article.id, utf8: article.text, title: article.title)
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

    /// Parses, analyses and encodes `raw` as one output line.
    /// - Returns: the line's bytes and whether it is an error record.
    public func encodeLine(_ raw: RawRecord, worker: inout PipelineWorker) throws(StageFailure) -> EncodedLine {
        var buffer = JSONBuffer(capacity: 1024)
        switch try analyse(raw, worker: &worker) {
        case .document(let document):
            encoder.encode(document, into: &buffer)
            return EncodedLine(bytes: buffer.bytes, isError: false, inputBytes: raw.byteCount, inputDigest: raw.digest)
        case .failure(let id, let stage, let error, let source, let line):
            encoder.encodeError(id: id, stage: stage, kind: error.kind, message: error.message, source: source, line: line, into: &buffer)
            return EncodedLine(bytes: buffer.bytes, isError: true, inputBytes: raw.byteCount, inputDigest: raw.digest)
        }
    }
}

/// One encoded output line.
public struct EncodedLine: Sendable {
    public let bytes: [UInt8]
    public let isError: Bool
    /// The size of the input record it came from.
    public let inputBytes: Int
    /// ``RecordDigest`` of the input record it came from (see ``RawRecord/digest``).
    public let inputDigest: UInt64
}
