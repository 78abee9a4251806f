import ArgumentParser
import TextPipeline

struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List every registered stage with its options and defaults."
    )

    func run() throws {
        print(StageList.render(CLIContext.shared.registry))
        print(StageList.builtinGazetteers())
    }
}

/// The listing `textpipe stages` prints.
enum StageList {
    static func render(_ registry: StageRegistry) -> String {
        var lines: [String] = []
        for factory in registry.all {
            lines.append("\(factory.id)  \(factory.summary)")
            let requires = factory.requires.map(\.rawValue).joined(separator: ", ")
            let provides = factory.provides.map(\.rawValue).joined(separator: ", ")
            let rewrites = factory.rewrites.map(\.rawValue).joined(separator: ", ")
            lines.append(
                "  requires: \(requires.isEmpty ? "-" : requires)   provides: \(provides.isEmpty ? "-" : provides)"
                    + (rewrites.isEmpty ? "" : "   rewrites: \(rewrites)"))
            if let languages = factory.languages { lines.append("  languages: \(languages)") }
            for option in factory.options {
                let fallback = option.defaultValue.map { " (default: \($0))" } ?? ""
                lines.append("  \(option.name): \(option.type)\(fallback)")
                lines.append("      \(option.help)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

extension StageList {
    /// The line naming the shipped gazetteers a path option may give as `builtin:NAME`.
    static func builtinGazetteers() -> String {
        let names = ShippedData.builtinGazetteers
        guard let folder = ShippedData.pipelinesFolder, !names.isEmpty else {
            return "shipped gazetteers (builtin:NAME): none found; set TEXTPIPE_PIPELINES to the shipped Pipelines folder"
        }
        return "shipped gazetteers, named builtin:NAME in a path option: \(names.joined(separator: ", ")) (\(folder)/gazetteers)"
    }
}
