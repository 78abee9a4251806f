import Foundation
import TestSupport
import TextPipeline

@testable import TextPipelineStages

/// Builds gazetteers and pipelines from inline TSV for the NER tests.
enum NERFixture {
    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tp-ner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `tsv` to a file and returns its path.
    static func source(_ tsv: String, name: String = "test.tsv", in folder: URL? = nil) throws -> String {
        let url = (try folder ?? self.folder()).appendingPathComponent(name)
        try tsv.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A tokenizer, sentence splitter and `ner.gazetteer@1` over `tsv`, with extra `with:` options.
    static func pipeline(_ tsv: String, options: String = "") throws -> Pipeline {
        let folder = try folder()
        let path = try source(tsv, in: folder)
        return try DocumentFixtures.pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: sentences.icu@1
              - use: ner.gazetteer@1
                with:
                  gazetteers: [\(path)]
                  cache: \(folder.path)
            \(options.isEmpty ? "" : "      " + options)
            """)
    }

    /// One found entity: its text, label, code-point span and id.
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var label: String
        var start: Int
        var end: Int
        var id: String?
        var description: String { "[[\(text)]]\(label)@\(start)..<\(end) \(id ?? "-")" }
    }

    static func entities(_ text: String, _ pipeline: Pipeline) throws -> [Found] {
        let document = try DocumentFixtures.analyse(text, with: pipeline)
        var converter = OffsetConverter(utf8: document.utf8, unit: .codepoint)
        return (0 ..< document.entities.count).map { index in
            let bytes = document.byteRange(ofTokens: document.entities.tokenRange(index))
            return Found(
                text: document.text(bytes: bytes), label: document.entities.labels[index].rawValue,
                start: converter.convert(bytes.lowerBound), end: converter.convert(bytes.upperBound),
                id: document.entities.canonicalIDs[index])
        }
    }

    /// The spans of `markup` (`"[[Paris]]LOC ..."`) with the code-point offsets of each in the plain text.
    static func expected(_ markup: String) -> [(text: String, label: String, start: Int, end: Int)] {
        var result: [(text: String, label: String, start: Int, end: Int)] = []
        var position = 0
        var rest = Substring(markup)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            position += rest[..<open.lowerBound].unicodeScalars.count
            let inner = String(rest[open.upperBound ..< close.lowerBound])
            rest = rest[close.upperBound...]
            let label = String(rest.prefix { $0.isASCII && $0.isUppercase })
            rest = rest.dropFirst(label.count)
            result.append((inner, label, position, position + inner.unicodeScalars.count))
            position += inner.unicodeScalars.count
        }
        return result
    }
}

extension NERFixture {
    /// A document with tokens and sentences.
    static func tokenized(_ text: String) throws -> Document {
        try DocumentFixtures.analyse(text, with: DocumentFixtures.sentencePipeline())
    }
}
