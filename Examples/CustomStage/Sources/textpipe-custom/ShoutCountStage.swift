import TextPipeline

/// `example.shouts@1`: how many words are written in capitals ("NATO", "BREAKING"), as `attributes.shouts`.
struct ShoutCountStage: StatelessStage {
    static let configuration = StageConfiguration(
        id: "example.shouts@1", summary: "counts words in capitals", requires: [.tokens], provides: [.attribute("shouts")])
    init(options: StageOptions) {}

    func process(_ document: inout Document, context: StageContext) {
        let (text, tokens) = (document.utf8, document.tokens)
        let words = (0 ..< tokens.count).lazy.map { text[tokens.byteRange($0)] }
        document.attributes["shouts"] = .number(Double(words.count { $0.count > 1 && $0.allSatisfy { $0 &- 0x41 < 26 } }))
    }
}
