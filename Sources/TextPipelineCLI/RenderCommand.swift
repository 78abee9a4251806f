import ArgumentParser
import Foundation
import TextPipeline

/// `textpipe render`: an HTML report from an earlier run's input and JSON lines output,
/// the same report as `run --output-format html`, without analysing again.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write an HTML report folder from the input and JSON lines output of an earlier run.",
        discussion: """
            The output must be the JSON lines of `textpipe run` on the same inputs (one line per input record, \
            in input order); articles' texts and titles are read from the inputs again. Give --offsets when the \
            run used it. Open DIR/index.html in a browser; no network is needed.
            """
    )

    @Argument(help: "The run's input files or folders, as given to `textpipe run`.")
    var inputs: [String]

    @Option(name: .long, help: "The run's JSON lines output.")
    var from: String

    @Option(name: [.short, .long], help: "The report folder to write (new, empty, or an earlier report).")
    var output: String

    @Option(name: .long, help: "The offset unit of the output.")
    var offsets: OffsetUnit = .codepoint

    @Option(name: .long, help: "Articles per page.")
    var perPage: Int = HTMLReportWriter.defaultArticlesPerPage

    func validate() throws {
        if inputs.isEmpty || inputs.contains("-") { throw ValidationError("give the run's input files: render reads them again, so stdin cannot be used") }
        if perPage < 1 { throw ValidationError("--per-page must be at least 1") }
    }

    func run() throws {
        let files: [InputFile]
        do { files = try InputFile.expand(inputs, stdinFormat: .jsonl) } catch { throw CLIFailure.configuration(error.message) }
        let analysed: ByteSource
        do { analysed = try ByteSource(path: from) } catch { throw CLIFailure.configuration(error.message) }
        let writer: HTMLReportWriter
        do {
            writer = HTMLReportWriter(
                folder: try OutputFolder(preparing: output, format: "html"),
                title: inputs.joined(separator: ", "), articlesPerPage: perPage)
        } catch let error as OutputFolderRefusal { throw CLIFailure.configuration(error.message) } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        }
        let count = try render(files: files, lines: LineReader(source: analysed), writer: writer)
        FileHandle.standardError.write(Data("textpipe: rendered \(count) records into \(output)/index.html\n".utf8))
    }

    /// Joins input records and output lines one to one and writes each record.
    /// - Returns: the number of records.
    private func render(files: [InputFile], lines: LineReader, writer: HTMLReportWriter) throws -> Int {
        var reader = ArticleReader(files: files)
        var lines = lines
        let decoder = OutputLineDecoder(offsets: offsets)
        let encoder = HTMLEncoder(layers: [.sentences, .entities, .keywords])
        var count = 0
        do {
            while let raw = try reader.nextRaw() {
                count += 1
                guard let line = try nextNonBlank(&lines) else {
                    throw CLIFailure.configuration("\(from) ends after \(count - 1) records, but the inputs hold more: is it the output of this input?")
                }
                var record = EncodedRecord()
                switch raw.parse() {
                case .article(let article):
                    record.id = article.id
                    try encode(line, article, article.id, count, decoder, encoder, &record)
                case .failure(let id, _, _, _):
                    record.id = id
                    try encode(line, nil, id, count, decoder, encoder, &record)
                }
                try writer.write(record)
            }
            if try nextNonBlank(&lines) != nil {
                throw CLIFailure.configuration("\(from) has more records than the inputs (\(count)): is it the output of this input?")
            }
            try writer.finish()
        } catch let error as InputError {
            throw CLIFailure.io(error.message)
        } catch let error as OutputError {
            throw CLIFailure.io(error.message)
        }
        return count
    }

    private func encode(
        _ line: [UInt8], _ article: Article?, _ id: ArticleID, _ number: Int,
        _ decoder: OutputLineDecoder, _ encoder: HTMLEncoder, _ record: inout EncodedRecord
    ) throws {
        do {
            switch try decoder.decode(line, article: article, fallbackID: id) {
            case .document(let document): encoder.encode(document, into: &record)
            case .error(let error):
                record.isError = true
                encoder.encode(error, into: &record)
            }
        } catch {
            throw CLIFailure.configuration("\(from): record \(number) does not match the input: \(error.message)")
        }
    }

    private func nextNonBlank(_ lines: inout LineReader) throws -> [UInt8]? {
        var result: [UInt8]?
        while result == nil {
            var line: [UInt8] = []
            guard try lines.nextLine({ line = Array($0) }) else { return nil }
            if !line.isEmpty { result = line }
        }
        return result
    }
}
