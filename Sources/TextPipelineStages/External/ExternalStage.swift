import Foundation
public import TextPipeline

/// What an external stage declares it writes; replies may write nothing else.
struct ExternalOutputs: Sendable, Equatable {
    var entities = false
    var spans: [String] = []
    var attributes: [String] = []
}

/// `external@1`: a stage in any language, run as a long-lived child process
/// per worker that speaks the JSON-lines protocol of
/// `docs/external-protocol.md` over its stdin and stdout.
///
/// The command is an argv array started without a shell. A child that
/// crashes, hangs past the time limit or writes garbage costs one error
/// record; the next article starts a fresh child.
public struct ExternalStage: Stage {
    /// Nothing is required or provided by default: ``requires`` and ``provides`` follow the
    /// `send`, `entities`, `spans` and `attributes` options.
    public static let configuration = StageConfiguration(
        id: "external@1", summary: "a stage in any language: a child process per worker speaking JSON lines",
        options: optionSpecs)

    static let optionSpecs = [
        OptionSpec("command", .stringList, help: "argv of the process, started without a shell; argv[0] is looked up in PATH unless it holds '/'"),
        OptionSpec("name", .string, help: "the stage's name, checked in the protocol handshake"),
        OptionSpec("send", .stringList, default: "[]", help: "layers sent with each article: tokens, sentences, entities"),
        OptionSpec("entities", .boolean, default: "false", help: "the stage adds entities (aligned to tokens)"),
        OptionSpec("spans", .stringList, default: "[]", help: "span layers the stage writes (spans.<name>)"),
        OptionSpec("attributes", .stringList, default: "[]", help: "document attributes the stage writes (attributes.<name>)"),
        OptionSpec("timeout", .number, default: "10", help: "seconds the process may take per article"),
        OptionSpec("start_timeout", .number, default: "10", help: "seconds for the process to start and answer the handshake"),
        OptionSpec("max_reply_bytes", .integer, default: "16777216", help: "longest reply line accepted"),
        OptionSpec(
            "max_failed_starts", .integer, default: "3",
            help: "processes in a row that may fail before serving an article; then every later article fails at once"),
        OptionSpec("directory", .path, default: "the pipeline file's folder", help: "working directory of the process"),
    ]

    let settings: ExternalConfiguration

    init(settings: ExternalConfiguration) { self.settings = settings }

    public init(options: StageOptions) throws {
        self.init(settings: try ExternalStageOptions.read(options))
    }

    public var requires: [LayerName] {
        var layers = settings.send
        if settings.outputs.entities, !layers.contains(.tokens) { layers.insert(.tokens, at: 0) }
        return layers
    }
    public var provides: [LayerName] {
        (settings.outputs.entities ? [.entities] : []) + settings.outputs.spans.map(LayerName.spans)
            + settings.outputs.attributes.map(LayerName.attribute)
    }
    public var externalCommands: [[String]] { [settings.arguments] }

    /// Creates the worker; its process starts with the worker's first article.
    public func makeWorker() throws -> any StageWorker { ExternalWorker(configuration: settings) }

    /// Starts the process once, checks the handshake (protocol version and name) and stops it,
    /// so that a wrong program or name stops a run before any output is written.
    public func checkStartup() throws {
        do {
            try ExternalWorker.start(settings).stop(grace: .milliseconds(500))
        } catch {
            throw StageError(kind: .stageFailed, "external stage '\(settings.name)': \(error)")
        }
    }
}

/// Everything a worker needs to run the process, validated at load time.
struct ExternalConfiguration: Sendable {
    /// The stage name sent and expected in the handshake.
    let name: String
    /// The argv as written in the pipeline file.
    let arguments: [String]
    /// argv[0] resolved to an absolute path.
    let executable: String
    let directory: String
    let send: [LayerName]
    let outputs: ExternalOutputs
    let timeout: Duration
    let startTimeout: Duration
    let maxReplyBytes: Int
    /// Processes in a row that may fail before serving an article before a worker gives up.
    let maxFailedStarts: Int
}
