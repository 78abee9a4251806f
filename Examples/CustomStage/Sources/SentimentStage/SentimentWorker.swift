import TextPipeline

/// The per-worker half of ``LexiconSentimentStage``: scratch buffers reused
/// across articles, so scoring a token allocates nothing.
struct SentimentWorker: StageWorker {
    let stage: LexiconSentimentStage
    /// The lower-cased bytes of the current token; its capacity is kept.
    private var key: [UInt8] = []

    static let negators: Set<[UInt8]> = Set(["not", "no", "never", "nor", "without", "n't"].map { Array($0.utf8) })

    init(stage: LexiconSentimentStage) { self.stage = stage }

    /// A scored word: token index and signed score.
    struct Hit: Equatable {
        let token: Int
        let score: Double
    }

    mutating func process(_ document: inout Document, context: StageContext) throws {
        let hits = try score(document, context: context)
        write(hits, to: &document)
    }

    /// The pure half: every scored token, with negation applied.
    mutating func score(_ document: Document, context: StageContext) throws -> [Hit] {
        var hits: [Hit] = []
        var lastNegator = -10
        for index in 0 ..< document.tokens.count {
            if index & 4095 == 0 { try context.checkDeadline() }
            guard document.tokens.kinds[index] == .word else { continue }
            lowercase(document.utf8[document.tokens.byteRange(index)])
            if Self.negators.contains(key) {
                lastNegator = index
            } else if let score = stage.lexicon.score(key) {
                hits.append(Hit(token: index, score: index - lastNegator <= 3 ? -score : score))
            }
        }
        return hits
    }

    /// The writing half: a span per hit and the document attribute.
    func write(_ hits: [Hit], to document: inout Document) {
        var spans = SpanLayer()
        for hit in hits { spans.append(bytes: document.tokens.byteRange(hit.token), label: hit.score >= 0 ? "POS" : "NEG") }
        document.spans[stage.layer] = spans
        let total = hits.reduce(0) { $0 + $1.score }
        let mean = hits.isEmpty ? 0 : (total / Double(hits.count) * 1000).rounded() / 1000
        document.attributes["sentiment"] = .object([
            "score": .number(mean),
            "positive": .number(Double(hits.count { $0.score > 0 })),
            "negative": .number(Double(hits.count { $0.score < 0 })),
        ])
    }

    /// Fills `key` with ASCII-lower-cased bytes (other bytes are kept as they are).
    private mutating func lowercase(_ bytes: ArraySlice<UInt8>) {
        key.removeAll(keepingCapacity: true)
        for byte in bytes { key.append(byte &- 0x41 < 26 ? byte + 0x20 : byte) }
    }
}
