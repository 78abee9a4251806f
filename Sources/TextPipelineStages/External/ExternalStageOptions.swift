import Foundation
import TextPipeline

/// Reads and checks the `with:` options of `external@1`.
enum ExternalStageOptions {
    static func read(_ options: StageOptions) throws -> ExternalConfiguration {
        guard let arguments = try options.stringList("command"), let program = arguments.first, !program.isEmpty else {
            throw options.error(options.contains("command") ? "command" : nil, "expected 'command: [program, args...]' with a non-empty program")
        }
        guard let name = try options.string("name"), !name.isEmpty else {
            throw options.error(options.contains("name") ? "name" : nil, "missing option 'name'; expected the stage's name for the handshake")
        }
        let directory = try options.path("directory") ?? options.baseDirectory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw options.error("directory", "the folder \(directory) does not exist")
        }
        guard let executable = resolve(program, directory: directory) else {
            throw options.error("command", "cannot find an executable '\(program)'" + (program.contains("/") ? " in \(directory)" : " in PATH"))
        }
        let outputs = ExternalOutputs(
            entities: try options.boolean("entities", default: false),
            spans: try names(options, "spans"), attributes: try names(options, "attributes"))
        guard outputs != ExternalOutputs() else {
            throw options.error(nil, "the stage declares no output; set 'entities: true', 'spans' or 'attributes'")
        }
        return ExternalConfiguration(
            name: name, arguments: arguments, executable: executable, directory: directory,
            send: try layers(options), outputs: outputs,
            timeout: try seconds(options, "timeout"), startTimeout: try seconds(options, "start_timeout"),
            maxReplyBytes: try options.integer("max_reply_bytes", default: 16 << 20, in: 1024 ... Int(Int32.max)),
            maxFailedStarts: try options.integer("max_failed_starts", default: 3, in: 1 ... 1000))
    }

    /// `program` as an absolute path: relative to `directory` when it holds a '/', else from PATH.
    static func resolve(_ program: String, directory: String) -> String? {
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : URL(fileURLWithPath: directory).appendingPathComponent(program).standardizedFileURL.path
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.lazy.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func names(_ options: StageOptions, _ key: String) throws -> [String] {
        let names = try options.stringList(key) ?? []
        if let bad = names.first(where: { $0.isEmpty || !$0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) {
            throw options.error(key, "a name holds letters, digits, '_' and '-' only, found '\(bad)'")
        }
        return names
    }

    private static func layers(_ options: StageOptions) throws -> [LayerName] {
        try (options.stringList("send") ?? []).map { name in
            guard let layer = ExternalProtocol.sendableLayers.first(where: { $0.rawValue == name }) else {
                throw options.error("send", "expected layers among tokens, sentences, entities, found '\(name)'")
            }
            return layer
        }
    }

    private static func seconds(_ options: StageOptions, _ key: String) throws -> Duration {
        let value = try options.number(key, default: 10)
        guard value > 0, value <= 86_400 else { throw options.error(key, "expected a number of seconds above 0, found \(value)") }
        return .milliseconds(Int64(value * 1000))
    }
}
