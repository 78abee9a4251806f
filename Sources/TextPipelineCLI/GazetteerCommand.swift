import ArgumentParser
import Foundation
import TextPipeline
import TextPipelineStages

/// `textpipe gazetteer`: compile and inspect gazetteers.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Compile TSV gazetteer sources and inspect compiled gazetteers.",
        discussion: "The TSV format and the compiled format are described in docs/gazetteer.md.",
        subcommands: [GazetteerCompileCommand.self, GazetteerInspectCommand.self]
    )
}

struct GazetteerCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile TSV sources (in order of precedence) into one compiled gazetteer, written atomically.",
        discussion: "Exits with status 2 and FILE:LINE: message on a malformed source line, 1 when the output cannot be written."
    )

    @Argument(help: "TSV gazetteer sources.")
    var sources: [String]

    @Option(name: [.short, .long], help: "The compiled file to write (conventionally .tpg).")
    var output: String

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("give at least one TSV source") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let result: (bytes: [UInt8], statistics: GazetteerCompiler.Statistics)
        do {
            result = try GazetteerCompiler.compile(sources: sources)
        } catch let error as GazetteerSourceError {
            throw CLIFailure.configuration(error.description)
        } catch {
            throw CLIFailure.configuration("\(error)")
        }
        do {
            try GazetteerCompiler.write(result.bytes, to: output)
        } catch {
            throw CLIFailure.io("\(error)")
        }
        let seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        let stats = result.statistics
        let message =
            "\(output): \(stats.entries) entries (\(stats.skipped) without tokens skipped), \(stats.nodes) nodes, "
            + "\(stats.vocabulary) token keys, \(stats.bytes) bytes, in \(String(format: "%.2f", seconds)) s\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}

struct GazetteerInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the statistics of a compiled gazetteer; with --verify, check its checksum and every reference.",
        discussion: "Exits with status 2 and a message when the file is truncated, corrupted or of another format version."
    )

    @Argument(help: "A compiled gazetteer file.")
    var file: String

    @Flag(help: "Check the full checksum and every internal reference.")
    var verify = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let gazetteer: CompiledGazetteer
        do {
            gazetteer = try CompiledGazetteer(path: file)
        } catch {
            throw CLIFailure.configuration("\(error)")
        }
        let loaded = clock.now - started
        let stats = gazetteer.statistics
        var lines = [
            "file: \(file)",
            "format version: \(gazetteer.formatVersion)",
            "bytes: \(stats.bytes)",
            "entries: \(stats.entries)",
            "trie nodes: \(stats.nodes)",
            "token keys: \(stats.vocabulary)",
            "checksum: \(gazetteer.checksumHex)",
            "labels: " + gazetteer.labelCounts().map { "\($0.key.entityLabel.rawValue) \($0.value)" }.sorted().joined(separator: ", "),
            "load: \(loaded)",
        ]
        if verify {
            do {
                try gazetteer.verify()
            } catch {
                throw CLIFailure.configuration("\(error)")
            }
            lines.append("verify: ok (checksum and references)")
        }
        print(lines.joined(separator: "\n"))
    }
}
