import ArgumentParser
import Foundation
public import TextPipeline

/// The `textpipe` command line, as a library: a user's package can build its
/// own executable with extra stages by calling ``TextPipeCLI/main(registry:arguments:)``.
///
/// Exit statuses: 0 when a run completed (even with error records), 1 when an
/// I/O failure stopped it, 2 for usage and configuration errors.
public enum TextPipeCLI {
    /// Parses `arguments` (default: the process's), runs the command and exits.
    public static func main(registry: StageRegistry, arguments: [String]? = nil) -> Never {
        signal(SIGPIPE, SIG_IGN)
        SignalWatcher.start()
        // After the signal mask is set: the set-up thread inherits it.
        Pipeline.prepareLoading()
        CLIContext.shared.registry = registry
        if let message = TextPipeCommand.unknownSubcommand(in: arguments ?? Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("textpipe: \(message)\n".utf8))
            exit(2)
        }
        do {
            var command = try TextPipeCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("textpipe: \(failure.message)\n".utf8))
            exit(failure.status)
        } catch {
            let code = TextPipeCommand.exitCode(for: error)
            let message = TextPipeCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "textpipe: error" : message).utf8 + [0x0A]))
            exit(code == .failure && (error as? CleanExit) != nil ? 1 : 2)
        }
    }
}

/// An error that ends the command with a status and a message for stderr.
struct CLIFailure: Error {
    let status: Int32
    let message: String

    /// Status 2: bad usage or configuration, found before any output.
    static func configuration(_ message: String) -> CLIFailure { CLIFailure(status: 2, message: message) }
    /// Status 1: an I/O failure stopped the run.
    static func io(_ message: String) -> CLIFailure { CLIFailure(status: 1, message: message) }
}

/// Holds the registry the CLI was started with.
final class CLIContext: @unchecked Sendable {
    static let shared = CLIContext()
    private let lock = NSLock()
    private var storedRegistry = StageRegistry()

    var registry: StageRegistry {
        get { lock.withLock { storedRegistry } }
        set { lock.withLock { storedRegistry = newValue } }
    }
}

struct TextPipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textpipe",
        abstract: "Analyse streams of news articles: tokens, sentences, entities, keywords.",
        discussion: """
            Start with 'textpipe run articles.jsonl -o out.jsonl' (JSON lines {"id","text"} in, one analysis per \
            line out), 'textpipe check' to see the default pipeline, and 'textpipe install --prefix ~/.local' \
            to use textpipe from anywhere with its gazetteers compiled once.
            """,
        version: "textpipe \(TextPipelineVersion.current)",
        subcommands: [
            RunCommand.self, RenderCommand.self, CheckCommand.self, StagesCommand.self, BenchCommand.self, GazetteerCommand.self, DFCommand.self,
            BundleCommand.self, InstallCommand.self,
        ]
    )
}

extension TextPipeCommand {
    /// "unknown command 'rnu'; did you mean 'run'?" when the first argument is a word that names
    /// no subcommand (the parser would call it an unexpected argument), else nil.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let suggestion = NameSuggestion.closest(to: first, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "unknown command '\(first)'; \(suggestion)commands: \(names.dropLast().joined(separator: ", ")) ('textpipe --help' explains them)"
    }
}
