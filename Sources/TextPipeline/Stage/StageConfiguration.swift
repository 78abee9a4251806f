/// What a stage type declares about itself, once: the one source of its id, summary, options
/// and wiring, in the manner of argument-parser's `CommandConfiguration`.
///
/// The registry (``StageFactory``), `textpipe stages`, option validation and the pipeline's
/// wiring check read it from the stage type's ``Stage/configuration``:
///
/// ```swift
/// static let configuration = StageConfiguration(
///     id: "sentiment.lexicon@1", summary: "document sentiment from a word lexicon",
///     options: [OptionSpec("lexicon", .path, help: "a TSV file of 'word<TAB>score'")],
///     requires: [.tokens], provides: [.spans("sentiment_words"), .attribute("sentiment")])
/// ```
///
/// The layers are those of the default options. A stage whose options change them (a
/// configurable span layer name, an optional input) overrides ``Stage/requires``,
/// ``Stage/provides`` or ``Stage/rewrites`` on the instance; the wiring check uses the instance.
public struct StageConfiguration: Sendable {
    /// The versioned id pipeline files name in `use:`.
    public var id: StageID
    /// One line on what the stage does, for `textpipe stages`.
    public var summary: String
    /// Every option the stage accepts in `with:`; any other key is an error when the pipeline loads.
    public var options: [OptionSpec]
    /// Layers earlier stages must provide.
    public var requires: [LayerName]
    /// Layers the stage writes.
    public var provides: [LayerName]
    /// Layers made by earlier stages that the stage changes in place, when they are present
    /// (`ner.gazetteer@1` splits possessive tokens, so it rewrites `tokens` and `sentences`).
    public var rewrites: [LayerName]
    /// Which article languages the stage serves and what it does with others, one line for
    /// `textpipe stages`; nil when the stage does not depend on the language.
    public var languages: String?

    /// A declaration; layers and options default to none.
    public init(
        id: StageID, summary: String, options: [OptionSpec] = [], requires: [LayerName] = [],
        provides: [LayerName] = [], rewrites: [LayerName] = [], languages: String? = nil
    ) {
        self.id = id
        self.summary = summary
        self.options = options
        self.requires = requires
        self.provides = provides
        self.rewrites = rewrites
        self.languages = languages
    }
}
