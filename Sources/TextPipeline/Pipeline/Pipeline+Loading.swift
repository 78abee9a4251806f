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
    /// - Throws: ``ConfigurationError`` naming the file, line and key path: the first error found.
    public static func load(file path: String, registry: StageRegistry) throws -> Pipeline {
        var problems = ConfigurationProblems(collectsAll: false)
        guard let pipeline = try load(file: path, registry: registry, problems: &problems) else {
            throw problems.errors.first ?? ConfigurationError(file: path, line: nil, keyPath: "", message: "the pipeline could not be loaded")
        }
        return pipeline
    }

    /// Loads and checks the pipeline file at `path`, going on after an error to find the others.
    ///
    /// Every stage entry is checked even when an earlier one failed, and the wiring is
    /// checked with the layers a failed stage's factory declares, so one mistake does
    /// not hide the next. Loading stops early only for a file that is not a YAML mapping.
    /// - Throws: ``ConfigurationErrors`` with every error found, in file order.
    public static func loadReportingAll(file path: String, registry: StageRegistry) throws -> Pipeline {
        var problems = ConfigurationProblems(collectsAll: true)
        let pipeline: Pipeline?
        do {
            pipeline = try load(file: path, registry: registry, problems: &problems)
        } catch let error as ConfigurationError {
            throw ConfigurationErrors(errors: problems.errors + [error])
        }
        guard let pipeline, problems.errors.isEmpty else { throw ConfigurationErrors(errors: problems.errors) }
        return pipeline
    }

    private static func load(file path: String, registry: StageRegistry, problems: inout ConfigurationProblems) throws -> Pipeline? {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ConfigurationError(file: path, line: nil, keyPath: "", message: "the pipeline file \(reason)")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, keyPath: "", message: "the pipeline file is not UTF-8 text")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try load(yaml: yaml, file: path, baseDirectory: folder, registry: registry, problems: &problems)
    }

    /// Loads and checks a pipeline from YAML text.
    /// - Parameters:
    ///   - yaml: the pipeline file's text.
    ///   - file: the name used in messages.
    ///   - baseDirectory: the folder relative paths resolve against.
    ///   - registry: the stages that `use:` ids may name.
    /// - Throws: ``ConfigurationError``: the first error found.
    public static func load(yaml: String, file: String, baseDirectory: String, registry: StageRegistry) throws -> Pipeline {
        var problems = ConfigurationProblems(collectsAll: false)
        guard let pipeline = try load(yaml: yaml, file: file, baseDirectory: baseDirectory, registry: registry, problems: &problems) else {
            throw problems.errors.first ?? ConfigurationError(file: file, line: nil, keyPath: "", message: "the pipeline could not be loaded")
        }
        return pipeline
    }

    /// The loader behind both modes: returns nil when `problems` collected an error.
    private static func load(
        yaml: String, file: String, baseDirectory: String, registry: StageRegistry,
        problems: inout ConfigurationProblems
    ) throws -> Pipeline? {
        let root = try composeRoot(yaml: yaml, file: file)
        let top = try topLevelOptions(root, file: file, baseDirectory: baseDirectory, problems: &problems)
        let version = try problems.attempt { try top.integer("version", default: 0) }
        if let version, version != 1 {
            try problems.report(
                top.contains("version")
                    ? top.error("version", "expected 1, the only pipeline format version, found \(version)")
                    : top.error(nil, "missing key 'version'; expected 'version: 1'"))
        }
        let policy = try problems.attempt { ErrorPolicy(rawValue: try top.choice("on_error", default: "record")) ?? .record }
        let name = try problems.attempt { try top.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }
        let stages = try buildStages(root: root, file: file, baseDirectory: baseDirectory, registry: registry, problems: &problems)
        try checkWiring(stages.map { ($0.requires, $0.provides, $0.label, $0.line) }, file: file, problems: &problems)
        guard problems.errors.isEmpty, let policy, let name else { return nil }
        let built = stages.compactMap(\.stage)
        guard built.count == stages.count else { return nil }
        return Pipeline(name: name, file: file, errorPolicy: policy, stages: built, hash: fnv1a64(Array(yaml.utf8)))
    }

    /// The root mapping of the file.
    /// - Throws: ``ConfigurationError`` for invalid YAML, an empty file or a root that is not a mapping.
    private static func composeRoot(yaml: String, file: String) throws -> Node {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ConfigurationError(
                    file: file, line: nil, keyPath: "", message: "the pipeline file is empty; expected a mapping with 'version' and 'stages'")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: file, line: yamlLine(of: error), keyPath: "", message: "invalid YAML: \(yamlProblem(of: error))")
        }
        guard root.mapping != nil else {
            throw ConfigurationError(
                file: file, line: root.mark?.line, keyPath: "", message: "expected a mapping with 'version' and 'stages', found \(StageOptions.describe(root))")
        }
        return root
    }

    /// The top-level keys as options; each unknown key is reported and left out.
    private static func topLevelOptions(
        _ root: Node, file: String, baseDirectory: String,
        problems: inout ConfigurationProblems
    ) throws -> StageOptions {
        let known = topLevelSpecs.map(\.name)
        var kept: [(Node, Node)] = []
        for (key, value) in root.mapping ?? [:] {
            let name = key.string ?? ""
            if known.contains(name) {
                kept.append((key, value))
            } else {
                try problems.report(.unknownKey(name, known: known, file: file, line: key.mark?.line, keyPath: name))
            }
        }
        let filtered = Node.mapping(Node.Mapping(kept, root.tag, .any, root.mark))
        return try StageOptions(node: filtered, specs: topLevelSpecs, file: file, keyPath: "", baseDirectory: baseDirectory)
    }

    static let topLevelSpecs: [OptionSpec] = [
        OptionSpec("version", .integer, help: "pipeline format version; must be 1"),
        OptionSpec("name", .string, help: "pipeline name"),
        OptionSpec("description", .string, help: "free text"),
        OptionSpec("on_error", .choice(["record", "fail"]), default: "record", help: "what a stage failure does"),
        OptionSpec("stages", .mapping(stageKeys), help: "the stages, in order"),
    ]

    /// One entry of `stages`: the stage when it was built, else what its factory declares
    /// (so the wiring check can go on past it).
    struct StageEntry {
        var stage: (any Stage)?
        var label: String
        var requires: [LayerName]
        /// Nil for an entry whose stage is unknown.
        var provides: [LayerName]?
        var line: Int?
    }

    private static func buildStages(
        root: Node, file: String, baseDirectory: String, registry: StageRegistry,
        problems: inout ConfigurationProblems
    ) throws -> [StageEntry] {
        guard let stagesNode = root.mapping?["stages"] else {
            try problems.report(
                ConfigurationError(file: file, line: root.mark?.line, keyPath: "stages", message: "missing key 'stages'; expected a list of stages"))
            return []
        }
        guard let entries = stagesNode.sequence, !entries.isEmpty else {
            try problems.report(
                ConfigurationError(
                    file: file, line: stagesNode.mark?.line, keyPath: "stages",
                    message: "expected a non-empty list of stages, found \(StageOptions.describe(stagesNode))"))
            return []
        }
        var result: [StageEntry] = []
        for (index, entry) in entries.enumerated() {
            result.append(
                try buildStage(
                    entry, keyPath: "stages[\(index)]", file: file, baseDirectory: baseDirectory,
                    registry: registry, problems: &problems))
        }
        return result
    }

    private static func buildStage(
        _ entry: Node, keyPath: String, file: String, baseDirectory: String, registry: StageRegistry,
        problems: inout ConfigurationProblems
    ) throws -> StageEntry {
        var result = StageEntry(stage: nil, label: keyPath, requires: [], provides: nil, line: entry.mark?.line)
        guard
            let factory = try problems.attempt({
                try stageFactory(entry, keyPath: keyPath, file: file, baseDirectory: baseDirectory, registry: registry)
            })
        else { return result }
        (result.label, result.requires, result.provides) = (factory.id.description, factory.requires, factory.provides)
        let withNode = entry.mapping?["with"]
        let known = factory.options.map(\.name)
        var unknown = false
        for (key, _) in withNode?.mapping ?? [:] where !known.contains(key.string ?? "") {
            unknown = true
            try problems.report(
                .unknownKey(
                    key.string ?? "", known: known, file: file, line: key.mark?.line,
                    keyPath: StageOptions.join("\(keyPath).with", key.string ?? "")))
        }
        guard !unknown else { return result }
        result.stage = try problems.attempt {
            let options = try StageOptions(
                node: withNode, specs: factory.options, file: file,
                keyPath: "\(keyPath).with", baseDirectory: baseDirectory)
            do {
                return try factory.make(options)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(file: file, line: entry.mark?.line, keyPath: keyPath, message: "\(factory.id) could not be built: \(error)")
            }
        }
        if let stage = result.stage { (result.requires, result.provides) = (stage.requires, stage.provides) }
        return result
    }

    /// The factory an entry's `use:` names.
    /// - Throws: ``ConfigurationError`` for a malformed entry or an unknown stage, with the closest registered id.
    private static func stageFactory(
        _ entry: Node, keyPath: String, file: String, baseDirectory: String,
        registry: StageRegistry
    ) throws -> StageFactory {
        let specs = [OptionSpec("use", .string, help: "stage id"), OptionSpec("with", .mapping([]), help: "options")]
        let fields = try StageOptions(node: entry, specs: specs, file: file, keyPath: keyPath, baseDirectory: baseDirectory)
        guard entry.mapping != nil, let use = try fields.string("use") else {
            throw fields.error(nil, "expected a mapping with 'use: <stage>@<version>'")
        }
        let registered = registry.all.map(\.id.description)
        guard let id = StageID(use) else {
            let suggestion = NameSuggestion.closest(to: use, among: registered).map { " (did you mean '\($0)'?)" } ?? ""
            throw fields.error("use", "expected a stage id with a version such as 'tokenize.icu@1', found '\(use)'\(suggestion)")
        }
        guard let factory = registry.factory(for: id) else {
            let versions = registry.versions(of: id.name)
            let suggestion = versions.isEmpty ? NameSuggestion.closest(to: use, among: registered).map { "did you mean '\($0)'? " } ?? "" : ""
            let hint =
                versions.isEmpty
                ? "registered stages: " + registered.joined(separator: ", ")
                : "registered versions: " + versions.map(\.description).joined(separator: ", ")
            throw fields.error("use", "unknown stage '\(use)'; \(suggestion)\(hint)")
        }
        return factory
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
