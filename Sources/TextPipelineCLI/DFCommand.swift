import ArgumentParser
import Foundation
import TextPipeline
import TextPipelineStages

/// `textpipe df`: document-frequency tables for `keywords.tfidf@1`.
struct DFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "df",
        abstract: "Build document-frequency tables for keywords.tfidf@1.",
        subcommands: [DFBuildCommand.self]
    )
}

struct DFBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Count in how many articles of a corpus each term occurs, and write a table that loads by memory-mapping.",
        discussion: """
            The corpus is streamed: inputs are read like `textpipe run` reads them, tokenized and split into sentences \
            by the pipeline's own stages, and counted in bounded memory (at most --max-terms distinct terms are held; \
            the rarest are dropped when the limit is reached).
            """
    )

    @Argument(help: "Corpus files or folders (.jsonl, .txt, optionally .gz); '-' for stdin.")
    var corpus: [String]

    @Option(name: [.short, .long], help: "The table file to write.")
    var output: String

    @Option(name: .long, help: "Pipeline whose tokenizer and sentence stages are used (default: news-en.yaml of the shipped data).")
    var pipeline: String?

    @Option(name: .long, help: "Most distinct terms held in memory at once.")
    var maxTerms: Int = 4_000_000

    @Option(name: .long, help: "Format of stdin.")
    var format: InputFormat = .jsonl

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("name at least one corpus file or folder") }
        guard maxTerms >= 1000 else { throw ValidationError("--max-terms must be at least 1000") }
    }

    func run() throws {
        let analysis = try DFBuilder.analysisPipeline(try PipelineLocator.load(pipeline, registry: CLIContext.shared.registry))
        let files: [InputFile]
        do { files = try InputFile.expand(corpus, stdinFormat: format) } catch { throw CLIFailure.configuration(error.message) }
        var builder = try DFBuilder(pipeline: analysis, maxTerms: maxTerms)
        let summary: DFBuilder.Summary
        do { summary = try builder.count(files) } catch let error as InputError { throw CLIFailure.io(error.message) }
        do {
            try DocumentFrequencyTable.write(documents: summary.documents, counts: builder.counter.counts, to: output)
        } catch {
            throw CLIFailure.io("\(error)")
        }
        FileHandle.standardError.write(Data((summary.line(output: output, terms: builder.counter.counts.count, floor: builder.counter.floor) + "\n").utf8))
    }
}
