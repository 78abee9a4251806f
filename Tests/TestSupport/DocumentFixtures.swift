import Foundation
public import TextPipeline
public import TextPipelineStages

/// Builds and runs pipelines in tests.
public enum DocumentFixtures {
    /// Loads a pipeline from YAML text with the built-in registry.
    public static func pipeline(_ yaml: String, file: String = "test.yaml", registry: StageRegistry = .builtin) throws -> Pipeline {
        try Pipeline.load(yaml: yaml, file: file, baseDirectory: FileManager.default.currentDirectoryPath, registry: registry)
    }

    /// Runs `pipeline` over `text` and returns the analysed document.
    public static func analyse(_ text: String, with pipeline: Pipeline, title: String? = nil) throws -> Document {
        var worker = try pipeline.makeWorker()
        var document = Document(id: .string("test"), text: text, title: title)
        try worker.process(&document)
        return document
    }

    /// A tokenizer plus sentence splitter, with optional extra `with:` lines for the splitter.
    public static func sentencePipeline(_ sentenceOptions: String = "{}") throws -> Pipeline {
        try pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: sentences.icu@1
                with: \(sentenceOptions)
            """)
    }

    /// The sentences of `text` as strings.
    public static func sentences(_ text: String, options: String = "{}") throws -> [String] {
        let document = try analyse(text, with: sentencePipeline(options))
        return (0 ..< document.sentences.count).map(document.text(ofSentence:))
    }

    /// The tokens of `text` as (text, kind) pairs.
    public static func tokens(_ text: String, locale: String = "en") throws -> [(String, TokenKind)] {
        let pipeline = try pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
                with: { locale: \(locale) }
            """)
        let document = try analyse(text, with: pipeline)
        return (0 ..< document.tokens.count).map { (document.text(ofToken: $0), document.tokens.kinds[$0]) }
    }
}
