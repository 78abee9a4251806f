import ArgumentParser
import Foundation
import TextPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a pipeline file and print its stages with what they require and provide.",
        discussion: """
            Reports every error in the file, one line each naming the file, line and key, with "did you mean" \
            for a mistyped stage or option name, and exits with status 2.
            """
    )

    @Argument(help: "The pipeline file (default: the default pipeline, news-en.yaml).")
    var file: String?

    func run() throws {
        guard let file = file ?? PipelineLocator.defaultPipelinePath() else {
            _ = try PipelineLocator.load(nil, registry: CLIContext.shared.registry)  // throws: where to find it
            return
        }
        let pipeline: Pipeline
        do {
            pipeline = try LoadNotice.$current.withValue(PipelineLocator.stderrNotice) {
                try Pipeline.loadReportingAll(file: file, registry: CLIContext.shared.registry)
            }
        } catch let problems as ConfigurationErrors {
            var lines = problems.errors.map(\.description)
            if lines.count > 1 { lines.append("\(lines.count) errors in \(file)") }
            throw CLIFailure.configuration(lines.joined(separator: "\ntextpipe: "))
        }
        print(PipelineTable.render(pipeline))
    }
}

/// The table `textpipe check` prints.
enum PipelineTable {
    static func render(_ pipeline: Pipeline) -> String {
        var rows = [["#", "stage", "requires", "provides", "rewrites"]]
        for (index, stage) in pipeline.stages.enumerated() {
            rows.append([String(index), stage.id.description, list(stage.requires), list(stage.provides), list(stage.rewrites)])
        }
        var lines = ["\(pipeline.file): pipeline '\(pipeline.name)' is valid (\(pipeline.stages.count) stages, on_error: \(pipeline.errorPolicy.rawValue))"]
        lines += TextTable.render(rows)
        let commands = pipeline.stages.flatMap { stage in stage.externalCommands.map { "  \(stage.id): \($0.joined(separator: " "))" } }
        lines.append(commands.isEmpty ? "external commands: none" : "external commands:")
        lines += commands
        return lines.joined(separator: "\n")
    }

    private static func list(_ layers: [LayerName]) -> String {
        layers.isEmpty ? "-" : layers.map(\.rawValue).joined(separator: ", ")
    }
}

/// Left-aligned plain-text columns.
enum TextTable {
    static func render(_ rows: [[String]]) -> [String] {
        let widths = (0 ..< (rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }
    }
}
