import Foundation
import Yams

/// An ordered, checked list of stages built from a pipeline file.
///
///     tokenize.icu@1 ─► sentences.icu@1 ─► ner.gazetteer@1 ─► keywords.yake@1
///          │ provides tokens   │ requires tokens, provides sentences …
///
/// Loading checks everything a run could trip on: YAML syntax, unknown keys,
/// option types, unknown stages and wiring (every required layer provided by
/// an earlier stage). After that, a ``PipelineWorker`` per worker thread
/// processes documents.
public struct Pipeline: Sendable {
    /// What to do when a stage throws for one article.
    public enum ErrorPolicy: String, Sendable {
        /// Write an error record for the article and go on.
        case record
        /// Stop the run.
        case fail
    }

    /// The pipeline's `name`, or the file's name without extension when it has none.
    public let name: String
    /// The pipeline file as the user named it, or `<code>`.
    public let file: String
    /// What a stage failure on one article does (`on_error`).
    public let errorPolicy: ErrorPolicy
    /// The stages, in the order they run.
    public let stages: [any Stage]
    /// FNV-1a 64 of the pipeline file's bytes, in hex.
    public let hash: String

    /// Every layer some stage provides.
    public var provides: Set<LayerName> { Set(stages.flatMap(\.provides)) }

    /// Builds a pipeline from stages in code, checking wiring.
    public init(name: String, stages: [any Stage], errorPolicy: ErrorPolicy = .record) throws {
        try Self.checkWiring(stages.map { ($0, nil as Int?) }, file: "<code>")
        self.name = name
        self.file = "<code>"
        self.errorPolicy = errorPolicy
        self.stages = stages
        self.hash = ""
    }

    init(name: String, file: String, errorPolicy: ErrorPolicy, stages: [any Stage], hash: String) {
        self.name = name
        self.file = file
        self.errorPolicy = errorPolicy
        self.stages = stages
        self.hash = hash
    }

    /// Creates a worker holding one ``StageWorker`` per stage.
    /// - Throws: ``PipelineError`` when a stage cannot create its worker.
    public func makeWorker() throws -> PipelineWorker {
        var workers: [any StageWorker] = []
        for stage in stages {
            do { workers.append(try stage.makeWorker()) } catch {
                throw PipelineError(stage: stage.id.description, kind: .stageFailed, message: "could not start: \(error)")
            }
        }
        return PipelineWorker(stageIDs: stages.map(\.id.description), workers: workers)
    }

    /// Runs every stage's ``Stage/checkStartup()``, in order.
    /// - Throws: ``ConfigurationError`` naming the pipeline file, the stage and the problem.
    public func checkStartup() throws(ConfigurationError) {
        for (index, stage) in stages.enumerated() {
            do { try stage.checkStartup() } catch {
                throw ConfigurationError(file: file, line: nil, keyPath: "stages[\(index)]", message: "\(stage.id): \(error)")
            }
        }
    }

    /// Throws when some stage requires a layer that no earlier stage provides.
    static func checkWiring(_ stages: [(stage: any Stage, line: Int?)], file: String) throws {
        var problems = ConfigurationProblems(collectsAll: false)
        try checkWiring(stages.map { ($0.stage.requires, $0.stage.provides, $0.stage.id.description, $0.line) }, file: file, problems: &problems)
    }

    /// Reports each stage that requires a layer no earlier stage provides.
    /// - Parameter stages: each stage's required and provided layers, its id for messages, and its line;
    ///   a nil `provides` (an unknown stage) may provide anything, so no later stage is reported.
    static func checkWiring(
        _ stages: [(requires: [LayerName], provides: [LayerName]?, label: String, line: Int?)], file: String,
        problems: inout ConfigurationProblems
    ) throws {
        var available: Set<LayerName> = []
        var anythingMayBeProvided = false
        for (index, entry) in stages.enumerated() {
            let missing = entry.requires.filter { !available.contains($0) }
            guard let provides = entry.provides else {
                anythingMayBeProvided = true
                continue
            }
            available.formUnion(provides)
            if !missing.isEmpty, !anythingMayBeProvided {
                let names = missing.map(\.rawValue).joined(separator: ", ")
                try problems.report(
                    ConfigurationError(
                        file: file, line: entry.line, keyPath: "stages[\(index)]",
                        message: "\(entry.label) requires \(names), which no earlier stage provides"))
            }
        }
    }
}

/// What a pipeline throws when one of its stages failed: the stage's id, the kind and the message.
///
/// Thrown *by the pipeline* (``PipelineWorker/process(_:context:)``, ``Pipeline/makeWorker()``),
/// which wraps whatever the stage threw (a ``StageError``, ``DeadlineExceeded`` or any other
/// error); the engine turns it into the article's error record.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// The id of the stage that failed, such as `ner.gazetteer@1`.
    public let stage: String
    /// The error kind written to the error record (`timeout`, `stage_failed`, or the stage's own).
    public let kind: ErrorKind
    /// What went wrong, for people.
    public let message: String
    public var description: String { "\(stage): \(message)" }
}

/// Runs every stage of a pipeline over documents, on one thread.
public struct PipelineWorker {
    let stageIDs: [String]
    var workers: [any StageWorker]
    /// Seconds spent in each stage, in pipeline order.
    public private(set) var stageSeconds: [Double]

    init(stageIDs: [String], workers: [any StageWorker]) {
        self.stageIDs = stageIDs
        self.workers = workers
        self.stageSeconds = Array(repeating: 0, count: workers.count)
    }

    /// The stage ids, in pipeline order.
    public var stages: [String] { stageIDs }

    /// Runs every stage over `document`.
    /// - Throws: ``PipelineError`` naming the stage that failed and the kind (`timeout`, `stage_failed`, …).
    public mutating func process(_ document: inout Document, context: StageContext = StageContext()) throws(PipelineError) {
        let clock = ContinuousClock()
        for index in workers.indices {
            let started = clock.now
            do {
                try context.checkDeadline()
                try workers[index].process(&document, context: context)
                // A stage that overran the deadline is the one to blame, not the next.
                try context.checkDeadline()
            } catch let error as DeadlineExceeded {
                throw PipelineError(stage: stageIDs[index], kind: .timeout, message: error.description)
            } catch let error as StageError {
                throw PipelineError(stage: stageIDs[index], kind: error.kind, message: error.message)
            } catch {
                throw PipelineError(stage: stageIDs[index], kind: .stageFailed, message: String(describing: error))
            }
            stageSeconds[index] += (clock.now - started).seconds
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    package var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
