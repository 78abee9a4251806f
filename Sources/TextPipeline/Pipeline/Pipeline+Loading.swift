import Foundation
import Yams

extension Pipeline {
    /// The keys a pipeline file may have at its top level.
    static let topLevelKeys = ["version", "name", "description", "on_error", "stages"]
    /// The keys of one entry of `stages`.
    static let stageKeys = ["use", "with"]

    /// Loads and checks the pipeline file at `path`.
    ///
    /// Relative paths inside the file resolve against the file's folder.
    /// - Throws: ``ConfigurationError`` naming the file, line and key path.
    public static func load(file path: String, registry: StageRegistry) throws -> Pipeline {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ConfigurationError(file: path, line: nil, keyPath: "", message: "the pipeline file \(reason)")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, keyPath: "", message: "the pipeline file is not UTF-8 text")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try load(yaml: yaml, file: path, baseDirectory: folder, registry: registry)
    }

    /// Loads and checks a pipeline from YAML text.
    /// - Parameters:
    ///   - yaml: the pipeline file's text.
    ///   - file: the name used in messages.
    ///   - baseDirectory: the folder relative paths resolve against.
    ///   - registry: the stages that `use:` ids may name.
    public static func load(yaml: String, file: String, baseDirectory: String, registry: StageRegistry) throws -> Pipeline {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ConfigurationError(file: file, line: nil, keyPath: "", message: "the pipeline file is empty; expected a mapping with 'version' and 'stages'")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: file, line: yamlLine(of: error), keyPath: "", message: "invalid YAML: \(yamlProblem(of: error))")
        }
        guard root.mapping != nil else {
            throw ConfigurationError(file: file, line: root.mark?.line, keyPath: "", message: "expected a mapping with 'version' and 'stages', found \(StageOptions.describe(root))")
        }
        let top = try StageOptions(node: root, specs: topLevelSpecs, file: file, keyPath: "", baseDirectory: baseDirectory)
        let version = try top.integer("version", default: 0)
        guard version == 1 else {
            throw top.contains("version") ? top.error("version", "expected 1, the only pipeline format version, found \(version)")
                : top.error(nil, "missing key 'version'; expected 'version: 1'")
        }
        let policy = ErrorPolicy(rawValue: try top.choice("on_error", default: "record")) ?? .record
        let name = try top.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let stages = try buildStages(root: root, file: file, baseDirectory: baseDirectory, registry: registry)
        try checkWiring(stages, file: file)
        return Pipeline(name: name, file: file, errorPolicy: policy, stages: stages.map(\.stage), hash: fnv1a64(Array(yaml.utf8)))
    }

    static let topLevelSpecs: [OptionSpec] = [
        OptionSpec("version", .integer, help: "pipeline format version; must be 1"),
        OptionSpec("name", .string, help: "pipeline name"),
        OptionSpec("description", .string, help: "free text"),
        OptionSpec("on_error", .choice(["record", "fail"]), default: "record", help: "what a stage failure does"),
        OptionSpec("stages", .mapping(stageKeys), help: "the stages, in order"),
    ]

    private static func buildStages(root: Node, file: String, baseDirectory: String, registry: StageRegistry) throws -> [(stage: any Stage, line: Int?)] {
        guard let stagesNode = root.mapping?["stages"] else {
            throw ConfigurationError(file: file, line: root.mark?.line, keyPath: "stages", message: "missing key 'stages'; expected a list of stages")
        }
        guard let entries = stagesNode.sequence, !entries.isEmpty else {
            throw ConfigurationError(file: file, line: stagesNode.mark?.line, keyPath: "stages",
                                     message: "expected a non-empty list of stages, found \(StageOptions.describe(stagesNode))")
        }
        return try entries.enumerated().map { index, entry in
            (try buildStage(entry, keyPath: "stages[\(index)]", file: file, baseDirectory: baseDirectory, registry: registry), entry.mark?.line)
        }
    }

    private static func buildStage(_ entry: Node, keyPath: String, file: String, baseDirectory: String, registry: StageRegistry) throws -> any Stage {
        let specs = [OptionSpec("use", .string, help: "stage id"), OptionSpec("with", .mapping([]), help: "options")]
        let fields = try StageOptions(node: entry, specs: specs, file: file, keyPath: keyPath, baseDirectory: baseDirectory)
        guard entry.mapping != nil, let use = try fields.string("use") else {
            throw fields.error(nil, "expected a mapping with 'use: <stage>@<version>'")
        }
        guard let id = StageID(use) else {
            throw fields.error("use", "expected a stage id with a version such as 'tokenize.icu@1', found '\(use)'")
        }
        guard let factory = registry.factory(for: id) else {
            let versions = registry.versions(of: id.name)
            let hint = versions.isEmpty
                ? "registered stages: " + registry.all.map(\.id.description).joined(separator: ", ")
                : "registered versions: " + versions.map(\.description).joined(separator: ", ")
            throw fields.error("use", "unknown stage '\(use)'; \(hint)")
        }
        let options = try StageOptions(node: entry.mapping?["with"], specs: factory.options, file: file,
                                       keyPath: "\(keyPath).with", baseDirectory: baseDirectory)
        do {
            return try factory.make(options)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: file, line: entry.mark?.line, keyPath: keyPath, message: "\(id) could not be built: \(error)")
        }
    }

    private static func yamlLine(of error: any Error) -> Int? {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _):
                return mark.line
            default:
                return nil
            }
        }
        return nil
    }

    private static func yamlProblem(of error: any Error) -> String {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, _, _), .parser(_, let problem, _, _):
                return problem
            default:
                break
            }
        }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}

/// FNV-1a 64-bit hash of `bytes`, as 16 hex digits. Stable across runs and machines.
package func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
    let hex = String(fnv1a64Value(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// FNV-1a 64-bit hash of `bytes`. Stable across runs and machines. Inlinable, so callers in
/// other modules that hash per token get a copy specialised for their byte buffer.
@inlinable
package func fnv1a64Value(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
    return hash
}
