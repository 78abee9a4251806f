import Foundation
package import TextPipeline

/// Makes `--output OUT --resume` safe: a sidecar file `OUT.textpipe-resume`
/// records what produced OUT (the textpipe version, the inputs with their
/// sizes, the pipeline hash, the checksums of the resources its stages loaded,
/// and every option that changes output), then checkpoints of the input
/// records done (see ``ResumeJournal``). A resume checks all of it, proves
/// the input prefix already done is unchanged, keeps OUT's complete lines up
/// to the last checkpoint they reach, and says how many records to skip.
package struct ResumeLedger: Sendable, Equatable {
    /// Identity of a run: a resume must match it exactly.
    package let inputs: [String]
    package let pipelineHash: String
    package let outputOptions: String
    /// `stage-id name checksum` for every resource the pipeline's stages loaded, sorted.
    package let resources: [String]
    package let textpipeVersion: String

    /// - Parameters:
    ///   - files: the expanded inputs; each is recorded with its absolute path and size (`-` for stdin).
    ///   - outputOptions: every option that changes output, as one string.
    package init(
        files: [InputFile], pipelineHash: String, outputOptions: String, resources: [String] = [],
        textpipeVersion: String = TextPipelineVersion.current
    ) {
        let inputs = files.map { file in
            guard !file.isStandardInput else { return "-" }
            let path = URL(fileURLWithPath: file.path).standardizedFileURL.path
            return "\(path)\t\(lstatSize(file.path) ?? -1)"
        }
        self.init(
            inputs: inputs, pipelineHash: pipelineHash, outputOptions: outputOptions, resources: resources,
            textpipeVersion: textpipeVersion)
    }

    /// The ledger of running `pipeline` over `files` with `outputOptions`; the resources are the stages' checksums.
    package init(files: [InputFile], pipeline: Pipeline, outputOptions: String) {
        self.init(files: files, pipelineHash: pipeline.hash, outputOptions: outputOptions, resources: Self.resources(of: pipeline))
    }

    init(inputs: [String], pipelineHash: String, outputOptions: String, resources: [String], textpipeVersion: String) {
        self.inputs = inputs
        self.pipelineHash = pipelineHash
        self.outputOptions = outputOptions
        self.resources = resources
        self.textpipeVersion = textpipeVersion
    }

    /// `stage-id name checksum` for each resource of each stage, sorted.
    package static func resources(of pipeline: Pipeline) -> [String] {
        pipeline.stages.flatMap { stage in
            stage.resourceChecksums.map { "\(stage.id) \($0.key) \($0.value)" }
        }.sorted()
    }

    /// Where the sidecar of `output` lives.
    package static func sidecarPath(for output: String) -> String { output + ".textpipe-resume" }

    /// What a run must do before writing.
    package enum Plan: Equatable, Sendable {
        /// Start from scratch: truncate OUT.
        case fresh
        /// Continue OUT from a checkpoint, once ``ResumePoint/verify(skipping:)`` passed.
        case resume(ResumePoint)
    }

    /// Decides how to write `output`; changes no file.
    /// - Throws: ``OutputError`` when files cannot be read, or a ``ResumeMismatch`` when OUT
    ///   was produced by another version, inputs, pipeline, resources or options, or has more
    ///   lines than its sidecar accounts for.
    /// - Parameter framing: how OUT's records are framed (``completeRecords(in:framing:)``).
    package func plan(output: String, resume: Bool, framing: RecordFraming = .lines) throws -> Plan {
        guard resume, (lstatSize(output) ?? 0) > 0 else { return .fresh }
        let sidecar = Self.sidecarPath(for: output)
        guard let data = FileManager.default.contents(atPath: sidecar), let (recorded, checkpoints) = Self.parse(data) else {
            throw ResumeMismatch(
                message:
                    "cannot resume \(output): its sidecar \(sidecar) is missing, unreadable or from an older textpipe, so what produced it is unknown; run without --resume to start again"
            )
        }
        if let difference = difference(from: recorded) {
            throw ResumeMismatch(message: "cannot resume \(output): \(difference); run without --resume to start again")
        }
        let lines = try Self.completeRecords(in: output, framing: framing)
        // The last checkpoint at or below the complete lines: lines past it belong to a flush that was cut short.
        guard let point = checkpoints.last(where: { $0.records == lines }) ?? checkpoints.filter({ $0.records < lines }).max(by: { $0.records < $1.records })
        else {
            throw ResumeMismatch(message: "cannot resume \(output): its sidecar records no checkpoint; run without --resume to start again")
        }
        if lines > (checkpoints.map(\.records).max() ?? 0) {
            throw ResumeMismatch(
                message:
                    "cannot resume \(output): it has \(lines) complete records, more than the \(point.records) records its run recorded (was it written by something else?); run without --resume to start again"
            )
        }
        return .resume(
            ResumePoint(
                output: output, records: point.records, digest: point.digest,
                keptBytes: try Self.offset(afterRecord: point.records, in: output, framing: framing), completeLines: lines))
    }

    /// The sidecar's first line for this run.
    package var header: [UInt8] {
        let object: JSONValue = .object([
            "version": .number(2),
            "textpipe_version": .string(textpipeVersion),
            "inputs": .array(inputs.map(JSONValue.string)),
            "pipeline_hash": .string(pipelineHash),
            "resources": .array(resources.map(JSONValue.string)),
            "output_options": .string(outputOptions),
        ])
        var buffer = JSONBuffer()
        buffer.value(object)
        buffer.bytes.append(0x0A)
        return buffer.bytes
    }

    /// Why `recorded` differs from this run, or nil.
    func difference(from recorded: ResumeLedger) -> String? {
        if recorded.textpipeVersion != textpipeVersion { return "it was made by textpipe \(recorded.textpipeVersion), this is \(textpipeVersion)" }
        if recorded.pipelineHash != pipelineHash { return "the pipeline file changed (hash \(recorded.pipelineHash), now \(pipelineHash))" }
        if recorded.resources != resources {
            let changed = Set(recorded.resources).symmetricDifference(resources).sorted()
            return "the pipeline's resources changed (\(changed.joined(separator: "; ")))"
        }
        if recorded.inputs != inputs { return "the inputs differ (was: \(recorded.inputs.joined(separator: ", ")))" }
        if recorded.outputOptions != outputOptions { return "the output options differ (was: \(recorded.outputOptions), now: \(outputOptions))" }
        return nil
    }

    /// Counts complete lines of `path`.
    static func completeLines(in path: String) throws -> Int {
        var lines = 0
        try scanLines(in: path) { _ in
            lines += 1
            return true
        }
        return lines
    }

    /// The byte offset just after line `line` of `path` (0 for line 0).
    static func offset(afterLine line: Int, in path: String) throws -> Int {
        guard line > 0 else { return 0 }
        var seen = 0
        var offset = 0
        try scanLines(in: path) { end in
            seen += 1
            offset = end
            return seen < line
        }
        return offset
    }

    /// Calls `body` with the offset after each `\n` of `path` until it returns false.
    private static func scanLines(in path: String, _ body: (Int) -> Bool) throws {
        let source = try openForReading(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { return }
            for index in 0 ..< count where buffer[index] == 0x0A {
                if !body(offset + index + 1) { return }
            }
            offset += count
        }
    }

    /// The header and the checkpoints of a sidecar, or nil when it is not a version-2 sidecar.
    static func parse(_ data: Data) -> (ResumeLedger, [(records: Int, digest: UInt64)])? {
        let lines = data.split(separator: 0x0A)
        guard let first = lines.first,
            let object = try? JSONSerialization.jsonObject(with: Data(first)) as? [String: Any],
            object["version"] as? Int == 2,
            let inputs = object["inputs"] as? [String], let hash = object["pipeline_hash"] as? String,
            let options = object["output_options"] as? String, let resources = object["resources"] as? [String],
            let version = object["textpipe_version"] as? String
        else { return nil }
        var checkpoints: [(records: Int, digest: UInt64)] = []
        for line in lines.dropFirst() {
            // A checkpoint cut short by a crash is ignored.
            guard let checkpoint = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let records = checkpoint["records"] as? Int, let hex = checkpoint["digest"] as? String,
                let digest = UInt64(hex, radix: 16)
            else { continue }
            checkpoints.append((records, digest))
        }
        return (
            ResumeLedger(
                inputs: inputs, pipelineHash: hash, outputOptions: options, resources: resources,
                textpipeVersion: version), checkpoints
        )
    }
}

/// A resume that would mix the output of different runs. A usage error (status 2).
package struct ResumeMismatch: Error, Sendable, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}

/// Opens a file for reading, reporting failures as output errors (the file is the run's output).
private func openForReading(path: String) throws -> ByteSource {
    do { return try ByteSource(path: path, decompress: false) } catch { throw OutputError(message: error.message) }
}
