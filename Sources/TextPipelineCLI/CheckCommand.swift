import ArgumentParser
import TextPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a pipeline file and print its stages with what they require and provide.",
        discussion: "Exits with status 2 and a message naming the file, line and key on any error."
    )

    @Argument(help: "The pipeline file.")
    var file: String

    func run() throws {
        let pipeline = try PipelineLocator.load(file, registry: CLIContext.shared.registry)
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

import Foundation
