/// The output formats of `textpipe run --output-format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// JSON lines, the native format (docs/output.schema.json).
    case jsonl
    /// CoNLL-2003 columns with BIO tags (``CoNLLEncoder``).
    case conll
    /// A brat standoff folder (``BratEncoder``).
    case brat
    /// spaCy 3 `Doc.to_json` objects, one per line (``SpacyEncoder``).
    case spacy
    /// A self-contained HTML report folder (``HTMLEncoder``).
    case html

    /// The encoder of this format; `options.layers` are the pipeline's layers.
    public func makeEncoder(options: OutputOptions) -> any DocumentEncoder {
        switch self {
        case .jsonl: JSONLinesEncoder(options: options)
        case .conll: CoNLLEncoder()
        case .brat: BratEncoder()
        case .spacy: SpacyEncoder(layers: options.layers)
        case .html: HTMLEncoder(layers: options.layers)
        }
    }

    /// Whether the format writes a folder (named by `-o`) rather than one stream.
    public var writesFolder: Bool { self == .brat || self == .html }

    /// Layers the pipeline must provide for this format.
    public var requiredLayers: Set<LayerName> { self == .conll || self == .spacy ? [.tokens] : [] }

    /// Whether `--offsets` and `--emit` apply (the other formats fix their own units and layers).
    public var takesOffsetOptions: Bool { self == .jsonl }

    /// The writer of a folder format, on a folder prepared for a new run.
    /// - Precondition: ``writesFolder``.
    public func makeFolderWriter(folder: OutputFolder, title: String) -> any RecordWriter {
        self == .brat ? BratFolderWriter(folder: folder) : HTMLReportWriter(folder: folder, title: title)
    }
}
