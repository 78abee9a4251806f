import Foundation
import TextPipeline
import TextPipelineStages

/// Streams a corpus through a pipeline's tokenizer and sentence stages and
/// counts document frequencies with a ``DocumentFrequencyCounter``.
struct DFBuilder {
    struct Summary {
        var documents = 0
        var skipped = 0
        var bytes = 0

        func line(output: String, terms: Int, floor: UInt32) -> String {
            var text = "textpipe: df: \(documents) articles (\(skipped) skipped), \(bytes) bytes, \(terms) terms written to \(output)"
            if floor > 0 { text += "; terms seen in \(floor) articles or fewer were dropped at least once (--max-terms)" }
            return text
        }
    }

    private var worker: PipelineWorker
    private(set) var counter: DocumentFrequencyCounter

    init(pipeline: Pipeline, maxTerms: Int) throws {
        do { worker = try pipeline.makeWorker() } catch { throw CLIFailure.configuration("\(error)") }
        counter = DocumentFrequencyCounter(maxTerms: maxTerms)
    }

    /// The leading stages of `pipeline` that provide tokens and sentences.
    /// - Throws: ``CLIFailure`` (status 2) when the pipeline has no tokenizer.
    static func analysisPipeline(_ pipeline: Pipeline) throws -> Pipeline {
        var stages: [any Stage] = []
        var provided: Set<LayerName> = []
        for stage in pipeline.stages {
            guard !provided.contains(.tokens) || !provided.contains(.sentences) else { break }
            guard stage.provides.contains(.tokens) || stage.provides.contains(.sentences) else { break }
            stages.append(stage)
            provided.formUnion(stage.provides)
        }
        guard provided.contains(.tokens) else {
            throw CLIFailure.configuration("\(pipeline.file): the pipeline does not start with a stage that provides tokens")
        }
        do { return try Pipeline(name: pipeline.name + "-tokens", stages: stages) } catch { throw CLIFailure.configuration("\(error)") }
    }

    /// Counts every article of `files`. Records that are not articles, or that a stage fails on, are skipped.
    /// - Throws: ``InputError`` when a file cannot be read.
    mutating func count(_ files: [InputFile]) throws -> Summary {
        var reader = ArticleReader(files: files)
        var summary = Summary()
        while let record = try reader.next() {
            guard case .article(let article) = record else {
                summary.skipped += 1
                continue
            }
            var document = Document(id: article.id, utf8: article.text, title: article.title, language: article.language)
            do { try worker.process(&document) } catch {
                summary.skipped += 1
                continue
            }
            counter.add(document)
            summary.documents += 1
            summary.bytes += article.text.count
        }
        return summary
    }
}
