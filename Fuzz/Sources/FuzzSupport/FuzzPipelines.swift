import Foundation
import TextPipeline
import TextPipelineStages

/// Pipelines the harnesses run, loaded once per process.
public enum FuzzPipelines {
    /// The repository root (the folder above `Fuzz/`).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }  // FuzzSupport, Sources, Fuzz, file
        return url.path
    }()

    /// Loads pipeline YAML with the built-in registry; relative paths resolve in ``FuzzFolder``.
    public static func load(_ yaml: String) -> Pipeline {
        _ = FuzzFolder.path  // sets TEXTPIPE_CACHE before any gazetteer is compiled
        do {
            return try Pipeline.load(yaml: yaml, file: "fuzz.yaml", baseDirectory: FuzzFolder.path, registry: .builtin)
        } catch {
            fatalError("harness pipeline does not load: \(error)")
        }
    }

    /// `tokenize.icu@1` then `sentences.icu@1` with `newline` (auto, paragraph or line).
    public static func tokenizeAndSplit(newline: String) -> Pipeline {
        load(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
                with: { locale: en }
              - use: sentences.icu@1
                with: { locale: en, newline: \(newline) }
            """)
    }

    /// The README's default pipeline, `Pipelines/news-en.yaml`, with its real gazetteers and rules.
    public static let newsEnglish: Pipeline = {
        _ = FuzzFolder.path
        do {
            return try Pipeline.load(file: "\(repositoryRoot)/Pipelines/news-en.yaml", registry: .builtin)
        } catch {
            fatalError("Pipelines/news-en.yaml does not load: \(error)")
        }
    }()

    /// Runs `pipeline` then `stage` over `text` and checks the ``Invariants``.
    /// - Returns: the analysed document, or `nil` when a stage reported a failure (an error record).
    @discardableResult
    public static func analyse(_ text: [UInt8], with worker: inout PipelineWorker) -> Document? {
        var document = Document(id: .string("fuzz"), utf8: text)
        do {
            try worker.process(&document)
        } catch {
            return nil
        }
        Invariants.check(document)
        return document
    }
}
