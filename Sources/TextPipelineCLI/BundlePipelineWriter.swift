import Foundation
import TextPipeline
import TextPipelineStages
import Yams

/// Copies a pipeline file and every file it names into a bundle folder, so the
/// pipeline runs there without its source tree and without a gazetteer cache.
///
/// Layout written under `root`:
/// ```
/// pipeline/<name>.yaml          the pipeline, paths rewritten to point into the bundle
/// pipeline/gazetteers/*.tpg     every run of consecutive TSV gazetteer sources, compiled
/// pipeline/files/...            every other file or folder the pipeline names
/// ```
/// The paths a pipeline names are the ones its stages resolve while it loads
/// (``PathRecorder``), so custom stages that read paths through
/// ``StageOptions`` are covered too. `ner.gazetteer` lists are rewritten to
/// compiled files and lose their `cache` option: the bundle never compiles
/// and never writes a cache.
struct BundlePipelineWriter {
    /// What was written.
    struct Result {
        /// The pipeline file, relative to the bundle root.
        let pipelinePath: String
        let name: String
        /// Commands of external stages: they run outside the bundle.
        let externalCommands: [[String]]
    }

    let registry: StageRegistry

    /// Loads `pipelineFile`, writes the bundle's pipeline folder under `root` and
    /// loads the rewritten pipeline once to prove it is complete.
    /// - Throws: ``CLIFailure`` (status 2) for a pipeline that does not load or names a missing path.
    func write(pipelineFile: String, into root: URL) throws -> Result {
        let recorder = PathRecorder()
        let pipeline = try PathRecorder.$current.withValue(recorder) {
            try PipelineLocator.load(pipelineFile, registry: registry)
        }
        guard let text = try? String(contentsOfFile: pipelineFile, encoding: .utf8),
            var node = try Yams.compose(yaml: text)
        else {
            throw CLIFailure.configuration("\(pipelineFile): cannot read the pipeline file")
        }
        let folder = root.appendingPathComponent("pipeline")
        var files = BundleFileCopier(folder: folder)
        try rewriteGazetteers(&node, pipelineFolder: URL(fileURLWithPath: pipelineFile).deletingLastPathComponent(), files: &files)
        for reference in recorder.references {
            try rewrite(reference, in: &node, files: &files)
        }
        let fileName = URL(fileURLWithPath: pipelineFile).lastPathComponent
        let header = "# Written by textpipe bundle from \(fileName): paths point into the bundle, gazetteers are compiled.\n"
        let output = folder.appendingPathComponent(fileName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((header + (try Yams.serialize(node: node))).utf8).write(to: output)
        try checkSelfContained(output.path, root: root)
        return Result(
            pipelinePath: "pipeline/\(fileName)", name: pipeline.name,
            externalCommands: pipeline.stages.flatMap(\.externalCommands))
    }

    /// Replaces each `ner.gazetteer` list by compiled files and drops its `cache` option.
    private func rewriteGazetteers(_ root: inout Node, pipelineFolder: URL, files: inout BundleFileCopier) throws {
        guard let stages = root.mapping?["stages"]?.sequence else { return }
        for (index, stage) in stages.enumerated() {
            guard let use = stage.mapping?["use"]?.string, use.hasPrefix("ner.gazetteer@"),
                var options = stage.mapping?["with"]?.mapping
            else { continue }
            if let list = options["gazetteers"] {
                let items = list.sequence.map { $0.compactMap(\.string) } ?? list.string.map { [$0] } ?? []
                let paths = items.map {
                    ShippedData.resolveBuiltin($0) ?? ($0.hasPrefix("/") ? $0 : pipelineFolder.appendingPathComponent($0).standardizedFileURL.path)
                }
                let compiled = try files.compiledGazetteers(paths)
                options["gazetteers"] = Node.sequence(Node.Sequence(compiled.map { Node($0) }, .implicit, .flow))
            }
            options["cache"] = nil
            var entry = stage.mapping!
            entry["with"] = .mapping(options)
            try replace(in: &root, path: ["stages", index], with: .mapping(entry))
        }
    }

    /// Points every scalar equal to the reference's written path (in the mapping at its
    /// key path) at a copy inside the bundle.
    private func rewrite(_ reference: PathRecorder.Reference, in root: inout Node, files: inout BundleFileCopier) throws {
        let path = Self.nodePath(reference.keyPath)
        guard var mapping = try value(in: root, path: path)?.mapping else { return }
        var changed = false
        for index in mapping.indices {
            let (key, value) = mapping[index]
            if value.string == reference.written {
                mapping[index] = (key, Node(try files.copy(reference.resolved, named: reference.keyPath + "." + (key.string ?? ""))))
                changed = true
            } else if let items = value.sequence, items.contains(where: { $0.string == reference.written }) {
                let copied = try files.copy(reference.resolved, named: reference.keyPath + "." + (key.string ?? ""))
                let updated = items.map { $0.string == reference.written ? Node(copied) : $0 }
                mapping[index] = (key, .sequence(Node.Sequence(updated, .implicit, .flow)))
                changed = true
            }
        }
        if changed { try replace(in: &root, path: path, with: .mapping(mapping)) }
    }

    /// `stages[2].with.abbreviations` → `["stages", 2, "with", "abbreviations"]`.
    static func nodePath(_ keyPath: String) -> [any Sendable] {
        var path: [any Sendable] = []
        for part in keyPath.split(separator: ".") {
            if let open = part.firstIndex(of: "["), let close = part.firstIndex(of: "]"), let index = Int(part[part.index(after: open) ..< close]) {
                path.append(String(part[..<open]))
                path.append(index)
            } else {
                path.append(String(part))
            }
        }
        return path
    }

    private func value(in node: Node, path: [any Sendable]) throws -> Node? {
        var current: Node? = node
        for step in path {
            if let key = step as? String {
                current = current?.mapping?[key]
            } else if let index = step as? Int {
                guard let items = current?.sequence, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }

    private func replace(in node: inout Node, path: [any Sendable], with newValue: Node) throws {
        guard let step = path.first else { node = newValue; return }
        let rest = Array(path.dropFirst())
        if let key = step as? String, var mapping = node.mapping, var child = mapping[key] {
            try replace(in: &child, path: rest, with: newValue)
            mapping[key] = child
            node = .mapping(mapping)
        } else if let index = step as? Int, var sequence = node.sequence, sequence.indices.contains(index) {
            var child = sequence[index]
            try replace(in: &child, path: rest, with: newValue)
            sequence[index] = child
            node = .sequence(sequence)
        }
    }

    /// Loads the rewritten pipeline and fails when it still names a path outside the bundle.
    private func checkSelfContained(_ file: String, root: URL) throws {
        let recorder = PathRecorder()
        _ = try PathRecorder.$current.withValue(recorder) { try PipelineLocator.load(file, registry: registry) }
        let prefix = root.standardizedFileURL.path + "/"
        if let outside = recorder.references.first(where: { !$0.resolved.hasPrefix(prefix) }) {
            throw CLIFailure.configuration("bundle: \(outside.keyPath) still names \(outside.written) outside the bundle")
        }
    }
}
