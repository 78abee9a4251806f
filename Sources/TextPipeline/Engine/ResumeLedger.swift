import Foundation

/// Makes `--output OUT --resume` safe: a sidecar file `OUT.textpipe-resume`
/// records what produced OUT (inputs with their sizes, the pipeline hash and
/// the output options); a resume checks it, keeps OUT's complete lines, drops
/// a partly written last line, and says how many records to skip.
public struct ResumeLedger: Sendable, Equatable {
    /// Identity of a run: a resume must match it exactly.
    public let inputs: [String]
    public let pipelineHash: String
    public let outputOptions: String

    /// - Parameters:
    ///   - files: the expanded inputs; each is recorded with its absolute path and size (`-` for stdin).
    public init(files: [InputFile], pipelineHash: String, outputOptions: String) {
        inputs = files.map { file in
            guard !file.isStandardInput else { return "-" }
            let path = URL(fileURLWithPath: file.path).standardizedFileURL.path
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? -1
            return "\(path)\t\(size)"
        }
        self.pipelineHash = pipelineHash
        self.outputOptions = outputOptions
    }

    init(inputs: [String], pipelineHash: String, outputOptions: String) {
        self.inputs = inputs
        self.pipelineHash = pipelineHash
        self.outputOptions = outputOptions
    }

    /// Where the sidecar of `output` lives.
    public static func sidecarPath(for output: String) -> String { output + ".textpipe-resume" }

    /// What a run must do before writing.
    public enum Plan: Equatable, Sendable {
        /// Start from scratch: truncate OUT.
        case fresh
        /// Append to OUT after skipping this many input records.
        case resume(skip: Int)
    }

    /// Prepares `output` for a run: writes the sidecar and, when resuming,
    /// truncates OUT to its last complete line.
    /// - Throws: ``OutputError`` when files cannot be read or written, or a
    ///   ``ResumeMismatch`` when OUT was produced by other inputs, pipeline or options.
    /// - Parameter framing: how OUT's records are framed (``completeRecords(in:framing:)``).
    public func prepare(output: String, resume: Bool, framing: RecordFraming = .lines) throws -> Plan {
        let fileManager = FileManager.default
        let size = (try? fileManager.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        guard resume, size > 0 else {
            try writeSidecar(for: output)
            return .fresh
        }
        guard let data = fileManager.contents(atPath: Self.sidecarPath(for: output)), let recorded = Self.parse(data) else {
            throw ResumeMismatch(message: "cannot resume \(output): its sidecar \(Self.sidecarPath(for: output)) is missing or unreadable, so the inputs and pipeline that produced it are unknown")
        }
        if let difference = difference(from: recorded) {
            throw ResumeMismatch(message: "cannot resume \(output): \(difference); run without --resume to start again")
        }
        let (lines, validBytes) = try Self.completeRecords(in: output, framing: framing)
        if validBytes < size {
            guard truncate(output, off_t(validBytes)) == 0 else {
                throw OutputError(message: "cannot truncate \(output): \(String(cString: strerror(errno)))")
            }
        }
        return .resume(skip: lines)
    }

    /// Why `recorded` differs from this run, or nil.
    func difference(from recorded: ResumeLedger) -> String? {
        if recorded.pipelineHash != pipelineHash { return "the pipeline file changed (hash \(recorded.pipelineHash), now \(pipelineHash))" }
        if recorded.inputs != inputs { return "the inputs differ (was: \(recorded.inputs.joined(separator: ", ")))" }
        if recorded.outputOptions != outputOptions { return "the output options differ (was: \(recorded.outputOptions), now: \(outputOptions))" }
        return nil
    }

    /// Counts complete lines of `path` and the byte offset after the last one.
    static func completeLines(in path: String) throws -> (lines: Int, validBytes: Int) {
        let source = try openForReading(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 0
        var offset = 0
        var validBytes = 0
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            for index in 0 ..< count where buffer[index] == 0x0A {
                lines += 1
                validBytes = offset + index + 1
            }
            offset += count
        }
        return (lines, validBytes)
    }

    private func writeSidecar(for output: String) throws {
        let object: JSONValue = .object([
            "version": .number(1),
            "inputs": .array(inputs.map(JSONValue.string)),
            "pipeline_hash": .string(pipelineHash),
            "output_options": .string(outputOptions),
        ])
        var buffer = JSONBuffer()
        buffer.value(object)
        buffer.bytes.append(0x0A)
        guard FileManager.default.createFile(atPath: Self.sidecarPath(for: output), contents: Data(buffer.bytes)) else {
            throw OutputError(message: "cannot write \(Self.sidecarPath(for: output))")
        }
    }

    static func parse(_ data: Data) -> ResumeLedger? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let inputs = object["inputs"] as? [String], let hash = object["pipeline_hash"] as? String,
              let options = object["output_options"] as? String
        else { return nil }
        return ResumeLedger(inputs: inputs, pipelineHash: hash, outputOptions: options)
    }
}

/// A resume that would mix the output of different runs. A usage error (status 2).
public struct ResumeMismatch: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Opens a file for reading, reporting failures as output errors (the file is the run's output).
private func openForReading(path: String) throws -> ByteSource {
    do { return try ByteSource(path: path, decompress: false) } catch { throw OutputError(message: error.message) }
}
