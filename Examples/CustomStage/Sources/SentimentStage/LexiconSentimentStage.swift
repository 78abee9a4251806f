import Foundation
import TextPipeline

/// `sentiment.lexicon@1`: a document sentiment score from a word lexicon.
///
/// Writes the span layer `spans.<layer>` (each scored word, labelled `POS`
/// or `NEG`) and the attribute `attributes.sentiment`:
/// `{"score": mean of word scores or 0, "positive": n, "negative": n}`.
/// A negator (`not`, `no`, `never`, …) up to three tokens before a word
/// flips its score.
public struct LexiconSentimentStage: Stage {
    public static let id = StageID(name: "sentiment.lexicon", version: 1)

    public static let options = [
        OptionSpec("lexicon", .path, help: "a TSV file of 'word<TAB>score', scores from -1 to 1"),
        OptionSpec("layer", .string, default: "sentiment_words", help: "name of the span layer of scored words"),
    ]

    /// How the registry builds the stage from a pipeline file's `with:` options.
    public static let factory = StageFactory(
        id: id, summary: "document sentiment from a word lexicon, with scored words as spans", options: options,
        requires: [.tokens], provides: [.spans("sentiment_words"), .attribute("sentiment")]
    ) { options in
        guard let path = try options.path("lexicon") else { throw options.error(nil, "missing option 'lexicon'") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw options.error("lexicon", "cannot read the lexicon file \(path)")
        }
        let lexicon: Lexicon
        do { lexicon = try Lexicon(parsing: text) } catch { throw options.error("lexicon", "\(path): \(error)") }
        let layer = try options.string("layer", default: "sentiment_words")
        guard !layer.isEmpty else { throw options.error("layer", "expected a non-empty layer name") }
        return LexiconSentimentStage(lexicon: lexicon, layer: layer, checksum: ResourceChecksum.of(text.utf8), file: path)
    }

    public let lexicon: Lexicon
    public let layer: String
    let checksum: String
    let file: String

    public init(lexicon: Lexicon, layer: String = "sentiment_words", checksum: String = "", file: String = "<code>") {
        self.lexicon = lexicon
        self.layer = layer
        self.checksum = checksum
        self.file = file
    }

    public var id: StageID { Self.id }
    public var requires: [LayerName] { [.tokens] }
    public var provides: [LayerName] { [.spans(layer), .attribute("sentiment")] }
    public var resourceChecksums: [String: String] { checksum.isEmpty ? [:] : [file: checksum] }

    /// One worker per thread, holding reusable scratch buffers.
    public func makeWorker() throws -> any StageWorker { SentimentWorker(stage: self) }
}
