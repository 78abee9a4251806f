/// A step of a pipeline: reads the layers it requires, writes those it provides.
///
/// A stage is a small immutable value built once per pipeline from its
/// options, and shared by every worker. Anything that is not thread-safe or
/// is mutated per article (ICU iterators, scratch buffers, child processes)
/// lives in the ``StageWorker`` that ``makeWorker()`` creates once per worker.
///
/// Stages without per-worker state conform to ``StatelessStage`` instead and
/// implement only `process`.
public protocol Stage: Sendable {
    /// The versioned id this stage was registered under.
    var id: StageID { get }
    /// Layers that earlier stages must provide.
    var requires: [LayerName] { get }
    /// Layers this stage writes.
    var provides: [LayerName] { get }
    /// External commands this stage runs, for `textpipe check`. Empty by default.
    var externalCommands: [[String]] { get }
    /// Identifying checksums of the resources this stage loaded (file name → hex digest). Empty by default.
    var resourceChecksums: [String: String] { get }
    /// Creates the per-worker processor. Called once per worker, never per article.
    /// - Throws: when a per-worker resource cannot be created.
    func makeWorker() throws -> any StageWorker
    /// Checks, once before a run writes any output, what only starting something can show (an
    /// external stage starts its process and checks the handshake). Nothing by default.
    /// - Throws: an error saying what is wrong; `textpipe run` stops with status 2.
    func checkStartup() throws
}

extension Stage {
    public var externalCommands: [[String]] { [] }
    public var resourceChecksums: [String: String] { [:] }
    public func checkStartup() throws {}
}

/// The per-worker half of a stage. Never shared between threads.
public protocol StageWorker {
    /// Analyses one document in place.
    ///
    /// Called once per document on the worker's thread. Long loops call
    /// ``StageContext/checkDeadline()`` now and then.
    /// - Throws: any error; the pipeline turns it into an error record for this article.
    mutating func process(_ document: inout Document, context: StageContext) throws
}

/// A stage that needs no per-worker state: implement `process`, get the rest.
public protocol StatelessStage: Stage {
    func process(_ document: inout Document, context: StageContext) throws
}

extension StatelessStage {
    public func makeWorker() throws -> any StageWorker { StatelessWorker(stage: self) }
}

/// Runs a ``StatelessStage`` as its own worker.
struct StatelessWorker<S: StatelessStage>: StageWorker {
    let stage: S
    func process(_ document: inout Document, context: StageContext) throws {
        try stage.process(&document, context: context)
    }
}
