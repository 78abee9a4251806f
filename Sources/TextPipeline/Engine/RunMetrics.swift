/// The `--metrics FILE` report: the run summary as JSON, with what is needed
/// to reproduce it (version, pipeline hash, resource checksums).
public struct RunMetrics: Sendable {
    /// The run's totals.
    public let summary: RunSummary
    /// The pipeline that ran: its name, file, hash and the checksums of its resources are reported.
    public let pipeline: Pipeline
    /// The number of worker threads.
    public let workers: Int
    /// The process's peak resident memory, when the platform tells it.
    public let peakResidentBytes: Int?

    /// A report of `summary` for `pipeline` run on `workers` threads.
    public init(summary: RunSummary, pipeline: Pipeline, workers: Int, peakResidentBytes: Int?) {
        self.summary = summary
        self.pipeline = pipeline
        self.workers = workers
        self.peakResidentBytes = peakResidentBytes
    }

    /// The report as a JSON object (keys sorted, one line).
    public var json: [UInt8] {
        let total = summary.stageSeconds.reduce(0) { $0 + $1.seconds }
        let stages: [JSONValue] = summary.stageSeconds.map { stage in
            .object([
                "id": .string(stage.stage), "seconds": .number(stage.seconds),
                "share": .number(total > 0 ? stage.seconds / total : 0),
            ])
        }
        var resources: [String: JSONValue] = [:]
        for stage in pipeline.stages where !stage.resourceChecksums.isEmpty {
            resources[stage.id.description] = .object(stage.resourceChecksums.mapValues(JSONValue.string))
        }
        let object: JSONValue = .object([
            "textpipe_version": .string(TextPipelineVersion.current),
            "output_schema": .number(Double(TextPipelineVersion.outputSchema)),
            "pipeline": .object(["file": .string(pipeline.file), "name": .string(pipeline.name), "hash": .string(pipeline.hash)]),
            "resources": .object(resources),
            "workers": .number(Double(workers)),
            "articles": .number(Double(summary.articles)),
            "errors": .number(Double(summary.errors)),
            "blank_lines": .number(Double(summary.blankLines)),
            "bytes": .number(Double(summary.bytes)),
            "seconds": .number(summary.seconds),
            "mb_per_second": .number(summary.megabytesPerSecond),
            "articles_per_second": .number(summary.seconds > 0 ? Double(summary.articles) / summary.seconds : 0),
            "stages": .array(stages),
            "threads": .object([
                "calling_cpu_seconds": .number(summary.callingThreadCPUSeconds),
                "workers_cpu_seconds": .number(summary.workerCPUSeconds),
            ]),
            "peak_rss_bytes": peakResidentBytes.map { .number(Double($0)) } ?? .null,
        ])
        var buffer = JSONBuffer()
        buffer.value(object)
        buffer.bytes.append(0x0A)
        return buffer.bytes
    }
}
