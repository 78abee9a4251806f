import Foundation
import TextPipeline
import TextPipelineStages

/// Paths inside the TextPipeline checkout the benchmarks belong to.
public enum Repository {
    /// The repository root (the folder above Benchmarks/).
    public static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }  // Benchmarks/Sources/BenchmarkSupport/Repository.swift
        return url
    }

    /// Loads a pipeline file of the repository (for example `Pipelines/news-en.yaml`) with the built-in stages.
    public static func pipeline(_ relativePath: String) throws -> Pipeline {
        try Pipeline.load(file: root.appendingPathComponent(relativePath).path, registry: .builtin)
    }
}

extension CorpusSlice {
    /// Writes the slice as a JSON-lines file (id, text, title) and returns its path.
    public func writeJSONLines() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-bench-\(textBytes).jsonl").path
        var buffer = JSONBuffer(capacity: textBytes + articles.count * 64)
        for article in articles {
            buffer.raw("{\"id\":")
            buffer.id(article.id)
            buffer.raw(",\"text\":")
            buffer.string(article.text)
            if let title = article.title {
                buffer.raw(",\"title\":")
                buffer.string(title)
            }
            buffer.raw("}\n")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer.bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return path
    }
}
