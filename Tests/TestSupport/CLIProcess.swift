public import Foundation

/// Runs `textpipe` as a live process, for tests that watch it while it runs
/// (its memory, its output file) or signal it.
public enum CLIProcess {
    /// Starts `textpipe` with `arguments` from the repository root; stdout and stderr are discarded.
    public static func start(_ arguments: [String], stdin: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLIHarness.productsFolder.appendingPathComponent("textpipe")
        process.arguments = arguments
        process.currentDirectoryURL = CLIHarness.repositoryRoot
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        if let stdin { process.standardInput = stdin }
        try process.run()
        return process
    }

    /// Peak resident memory of a running process (`VmHWM` in /proc), in bytes; nil without /proc.
    public static func peakResidentBytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// Bytes a running process has read so far (`rchar` in /proc), or nil without /proc.
    public static func bytesRead(by pid: Int32) -> Int? {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
            let line = io.split(separator: "\n").first(where: { $0.hasPrefix("rchar:") })
        else { return nil }
        return Int(line.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces))
    }

    /// True while `pid` runs; a zombie (exited, not yet reaped) no longer runs.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) == 0 }
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// A fresh path in the temporary folder ending with `name`.
    public static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(UUID().uuidString)-\(name)").path
    }

    /// The complete lines of `path` (a partly written last line is left out).
    public static func completeLines(of path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
