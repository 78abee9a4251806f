public import TextPipeline

/// `keywords.tfidf@1`: candidate phrases ranked by TF-IDF against a
/// document-frequency table built by `textpipe df build`.
///
/// The table is memory-mapped once when the pipeline loads and shared by
/// every worker. See `TfidfScorer` for the formula.
public enum TfidfStage {
    /// The stage's declaration: id, summary, options and layers (see `StageConfiguration`).
    public static let configuration = StageConfiguration(
        id: "keywords.tfidf@1", summary: "TF-IDF keywords against a document-frequency table",
        options: [OptionSpec("df", .path, help: "document-frequency file written by `textpipe df build` (required)")]
            + KeywordOptions.common,
        requires: [.tokens, .sentences], provides: [.keywords],
        languages: KeywordOptions.languagesNote)

    struct Algorithm: KeywordAlgorithm {
        static var configuration: StageConfiguration { TfidfStage.configuration }
        let table: DocumentFrequencyTable
        let checksums: [String: String]

        init(options: StageOptions) throws {
            guard let path = try options.path("df") else {
                throw options.error(nil, "missing option 'df': the document-frequency file written by `textpipe df build`")
            }
            do { table = try DocumentFrequencyTable(path: path) } catch { throw options.error("df", "\(error)") }
            checksums = [path.split(separator: "/").last.map(String.init) ?? path: table.checksum]
        }

        var shape: CandidateShape { .ngrams }
        func makeScorer() -> TfidfScorer { TfidfScorer(table: table) }
    }
}
