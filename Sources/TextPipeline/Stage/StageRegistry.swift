/// What a registry knows about a stage before building it.
public struct StageFactory: Sendable {
    public let id: StageID
    /// One line on what the stage does, for `textpipe stages`.
    public let summary: String
    /// Every option the stage accepts.
    public let options: [OptionSpec]
    /// Layers required with the default options.
    public let requires: [LayerName]
    /// Layers provided with the default options.
    public let provides: [LayerName]
    /// Which article languages the stage serves and what it does with others, for
    /// `textpipe stages`; nil when the stage does not depend on the language.
    public let languages: String?
    /// Builds the stage from validated options. Loads its resources.
    public let make: @Sendable (StageOptions) throws -> any Stage

    public init(id: StageID, summary: String, options: [OptionSpec], requires: [LayerName], provides: [LayerName],
                languages: String? = nil, make: @escaping @Sendable (StageOptions) throws -> any Stage) {
        self.id = id
        self.summary = summary
        self.options = options
        self.requires = requires
        self.provides = provides
        self.languages = languages
        self.make = make
    }
}

/// Builds stages by their versioned name.
///
/// Built-in stages register the same way user stages do. A registry is a
/// value: copy the built-in one, add your own factories, and hand it to the
/// CLI or to ``Pipeline/load(file:registry:)``.
public struct StageRegistry: Sendable {
    private var factories: [StageID: StageFactory] = [:]

    public init() {}

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
