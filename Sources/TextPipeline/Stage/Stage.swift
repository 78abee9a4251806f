/// A step of a pipeline: reads the layers it requires, writes those it provides.
///
/// A stage type says what it is once, in its static ``configuration``: its id, a summary, its
/// options and the layers it requires, provides and rewrites. The registry, `textpipe stages` and
/// the pipeline's wiring check all read that declaration, so nothing is written twice. The
/// smallest complete stage, registered with `registry.register(ShoutCountStage.self)`:
///
/// ```swift
/// struct ShoutCountStage: StatelessStage {
///     static let configuration = StageConfiguration(id: "example.shouts@1", summary: "counts words in capitals",
///                                                   requires: [.tokens], provides: [.attribute("shouts")])
///     init(options: StageOptions) {}
///     func process(_ document: inout Document, context: StageContext) { … }
/// }
/// ```
///
/// A stage is a small immutable value built once per pipeline from its options, and shared by
/// every worker. Anything that is not thread-safe or is mutated per article (ICU iterators,
/// scratch buffers, child processes) lives in the ``StageWorker`` that ``makeWorker()`` creates
/// once per worker. Stages without per-worker state conform to ``StatelessStage`` instead and
/// implement only `process`.
public protocol Stage: Sendable {
    /// What the stage is: id, summary, options, and the layers it requires, provides and
    /// rewrites with its default options. Read by the registry, `textpipe stages` and `textpipe check`.
    static var configuration: StageConfiguration { get }

    /// Builds the stage from the options of a pipeline file, already checked against
    /// ``StageConfiguration/options`` (no unknown keys). Loads the stage's shared resources.
    /// - Throws: ``ConfigurationError`` (made with ``StageOptions/error(_:_:)``) naming the
    ///   option and what was expected; any other error stops loading with the stage named.
    init(options: StageOptions) throws

    /// Layers that earlier stages must provide. The declared ``StageConfiguration/requires`` by
    /// default; override only when options change it.
    var requires: [LayerName] { get }
    /// Layers this stage writes. The declared ``StageConfiguration/provides`` by default;
    /// override only when options change it.
    var provides: [LayerName] { get }
    /// Layers made by earlier stages that this stage changes in place (a stage that splits
    /// tokens rewrites `tokens`, and the sentence ranges over them). The declared
    /// ``StageConfiguration/rewrites`` by default.
    var rewrites: [LayerName] { get }
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
    /// The versioned id, from ``configuration``.
    public var id: StageID { Self.configuration.id }
    /// The declared ``StageConfiguration/requires``.
    public var requires: [LayerName] { Self.configuration.requires }
    /// The declared ``StageConfiguration/provides``.
    public var provides: [LayerName] { Self.configuration.provides }
    /// The declared ``StageConfiguration/rewrites``.
    public var rewrites: [LayerName] { Self.configuration.rewrites }
    /// None.
    public var externalCommands: [[String]] { [] }
    /// None.
    public var resourceChecksums: [String: String] { [:] }
    /// Checks nothing.
    public func checkStartup() throws {}
}

/// The per-worker half of a stage. Never shared between threads.
public protocol StageWorker {
    /// Analyses one document in place.
    ///
    /// Called once per document on the worker's thread. Long loops call
    /// ``StageContext/checkDeadline()`` now and then.
    /// - Throws: any error; the pipeline turns it into an error record for this article
    ///   (a ``StageError`` chooses the record's kind).
    mutating func process(_ document: inout Document, context: StageContext) throws
}

/// A stage that needs no per-worker state: implement `process`, get the rest.
public protocol StatelessStage: Stage {
    /// Analyses one document in place; see ``StageWorker/process(_:context:)``.
    func process(_ document: inout Document, context: StageContext) throws
}

extension StatelessStage {
    /// A worker that calls ``process(_:context:)`` on the shared stage.
    public func makeWorker() throws -> any StageWorker { StatelessWorker(stage: self) }
}

/// Runs a ``StatelessStage`` as its own worker.
struct StatelessWorker<S: StatelessStage>: StageWorker {
    let stage: S
    func process(_ document: inout Document, context: StageContext) throws {
        try stage.process(&document, context: context)
    }
}
