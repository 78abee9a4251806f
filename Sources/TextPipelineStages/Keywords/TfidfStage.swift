import TextPipeline

/// `keywords.tfidf@1`: candidate phrases ranked by TF-IDF against a
/// document-frequency table built by `textpipe df build`.
///
/// The table is memory-mapped once when the pipeline loads and shared by
/// every worker. See ``TfidfScorer`` for the formula.
public enum TfidfStage {
    public static let id = StageID(name: "keywords.tfidf", version: 1)

    struct Algorithm: KeywordAlgorithm {
        static var id: StageID { TfidfStage.id }
        let table: DocumentFrequencyTable
        var shape: CandidateShape { .ngrams }
        func makeScorer() -> TfidfScorer { TfidfScorer(table: table) }
    }

    public static let options = [
        OptionSpec("df", .path, help: "document-frequency file written by `textpipe df build` (required)"),
    ] + KeywordOptions.common

    public static let factory = StageFactory(
        id: id, summary: "TF-IDF keywords against a document-frequency table", options: options,
        requires: [.tokens, .sentences], provides: [.keywords], languages: KeywordOptions.languagesNote
    ) { options in
        guard let path = try options.path("df") else {
            throw options.error(nil, "missing option 'df': the document-frequency file written by `textpipe df build`")
        }
        let table: DocumentFrequencyTable
        do { table = try DocumentFrequencyTable(path: path) } catch { throw options.error("df", "\(error)") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return KeywordStage(algorithm: Algorithm(table: table), settings: try KeywordOptions.read(options),
                            checksums: [name: table.checksum])
    }
}
