/// What a registry knows about a stage type before building it: its declared
/// ``StageConfiguration`` and how to build it from options.
public struct StageFactory: Sendable {
    /// The stage type's declaration.
    public let configuration: StageConfiguration
    /// Builds the stage from validated options. Loads its resources.
    public let make: @Sendable (StageOptions) throws -> any Stage

    /// The factory of `type`: its ``Stage/configuration``, built with ``Stage/init(options:)``.
    public init<S: Stage>(_ type: S.Type) {
        self.init(type) { try S(options: $0) }
    }

    /// The factory of `type`, built by `make`: for a stage that needs more than its options
    /// (a service handed in by the program that registers it). The declaration is still `type`'s.
    public init<S: Stage>(_ type: S.Type, make: @escaping @Sendable (StageOptions) throws -> S) {
        self.configuration = S.configuration
        self.make = make
    }

    /// The declared id.
    public var id: StageID { configuration.id }
    /// The declared summary.
    public var summary: String { configuration.summary }
    /// The declared options.
    public var options: [OptionSpec] { configuration.options }
    /// Layers required with the default options.
    public var requires: [LayerName] { configuration.requires }
    /// Layers provided with the default options.
    public var provides: [LayerName] { configuration.provides }
    /// Layers rewritten with the default options.
    public var rewrites: [LayerName] { configuration.rewrites }
    /// The declared languages note, if the stage depends on the language.
    public var languages: String? { configuration.languages }
}

/// Builds stages by their versioned name.
///
/// Built-in stages register the same way user stages do. A registry is a
/// value: copy the built-in one, add your own stage types, and hand it to the
/// CLI or to ``Pipeline/load(file:registry:)``:
///
/// ```swift
/// var registry = StageRegistry.builtin
/// registry.register(ShoutCountStage.self)
/// ```
public struct StageRegistry: Sendable {
    private var factories: [StageID: StageFactory] = [:]

    /// An empty registry; `StageRegistry.builtin` (in TextPipelineStages) holds the shipped stages.
    public init() {}

    /// Adds a stage type under its declared id, built with ``Stage/init(options:)``.
    /// A later registration under the same id replaces the earlier one.
    public mutating func register<S: Stage>(_ type: S.Type) {
        register(StageFactory(type))
    }

    /// Adds a stage type built by `make` instead of ``Stage/init(options:)``.
    public mutating func register<S: Stage>(_ type: S.Type, make: @escaping @Sendable (StageOptions) throws -> S) {
        register(StageFactory(type, make: make))
    }

    /// Adds a factory. A later registration under the same id replaces the earlier one.
    public mutating func register(_ factory: StageFactory) {
        factories[factory.id] = factory
    }

    /// The factory registered under `id`, if any.
    public func factory(for id: StageID) -> StageFactory? { factories[id] }

    /// Every factory, sorted by id.
    public var all: [StageFactory] { factories.values.sorted { $0.id < $1.id } }

    /// Ids registered under `name`, for suggestions.
    public func versions(of name: String) -> [StageID] {
        factories.keys.filter { $0.name == name }.sorted()
    }
}
