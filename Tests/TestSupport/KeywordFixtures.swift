import Foundation
public import TextPipeline
public import TextPipelineStages

/// Runs keyword stages over small texts in tests.
public enum KeywordFixtures {
    /// A pipeline of tokenizer, sentence splitter and `stage` with `options` (a YAML flow mapping).
    public static func pipeline(
        _ stage: String, _ options: String = "{}", registry: StageRegistry = .builtin,
        before: String = ""
    ) throws -> Pipeline {
        try DocumentFixtures.pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: sentences.icu@1
            \(before)
              - use: \(stage)
                with: \(options)
            """, registry: registry)
    }

    /// The keywords of `text`, best first.
    public static func keywords(
        _ text: String, stage: String = "keywords.yake@1", options: String = "{}",
        title: String? = nil, registry: StageRegistry = .builtin, before: String = ""
    ) throws -> [Keyword] {
        try DocumentFixtures.analyse(text, with: pipeline(stage, options, registry: registry, before: before), title: title).keywords
    }

    /// The keyword texts of `text`, lower-cased, best first.
    public static func texts(
        _ text: String, stage: String = "keywords.yake@1", options: String = "{}",
        title: String? = nil, registry: StageRegistry = .builtin, before: String = ""
    ) throws -> [String] {
        try keywords(text, stage: stage, options: options, title: title, registry: registry, before: before).map { $0.text.lowercased() }
    }

    /// A registry with the built-in stages plus `test.entities@1`, which marks the
    /// spans of `markup` (``SpanMarkup``) as entities, so keyword options that read
    /// entities can be tested without a recogniser.
    public static func registry(entities markup: SpanMarkup) -> StageRegistry {
        var registry = StageRegistry.builtin
        let stage = MarkedEntities(texts: markup.spans.map(\.text), labels: markup.spans.map(\.label))
        registry.register(MarkedEntities.self) { _ in stage }
        return registry
    }

    /// Marks each span's first occurrence in the text as an entity with its label.
    struct MarkedEntities: StatelessStage {
        static let configuration = StageConfiguration(
            id: "test.entities@1", summary: "test entities",
            requires: [.tokens], provides: [.entities])
        let texts: [String]
        let labels: [String]

        init(texts: [String], labels: [String]) {
            self.texts = texts
            self.labels = labels
        }

        /// Marks nothing: ``registry(entities:)`` registers the stage with the spans to mark.
        init(options: StageOptions) { self.init(texts: [], labels: []) }

        func process(_ document: inout Document, context: StageContext) throws {
            let text = Array(document.utf8)
            var searchFrom = 0
            for (entityText, label) in zip(texts, labels) {
                let needle = Array(entityText.utf8)
                guard let start = find(needle, in: text, from: searchFrom) else { continue }
                let end = start + needle.count
                let first = document.tokens.firstToken(endingAfter: Int32(start))
                var last = first
                while last < document.tokens.count, document.tokens.starts[last] < Int32(end) { last += 1 }
                if last > first { document.entities.append(tokens: first ..< last, label: EntityLabel(rawValue: label), canonicalID: nil) }
                searchFrom = end
            }
        }

        private func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, text.count >= needle.count else { return nil }
            for index in start ... (text.count - needle.count) where text[index ..< index + needle.count].elementsEqual(needle) {
                return index
            }
            return nil
        }
    }
}
