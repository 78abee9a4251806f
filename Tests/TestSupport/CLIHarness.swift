public import Foundation

/// Runs the built `textpipe` executable in tests.
public enum CLIHarness {
    /// The result of one invocation.
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Non-empty stdout lines.
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The folder holding the built products (the test bundle's folder).
    public static var productsFolder: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("textpipe").path) { return url }
            url.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The repository root (the folder holding Package.swift).
    public static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }

    /// The sanitizer settings of this test process (empty in a normal build).
    public static var sanitizerOptions: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["ASAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"].contains($0.key) }
    }

    /// Whether the tests run under AddressSanitizer (`scripts/check-sanitizers` sets `ASAN_OPTIONS`).
    public static var underAddressSanitizer: Bool { sanitizerOptions["ASAN_OPTIONS"] != nil }

    /// Runs `textpipe` (or `executable`, such as a copy of it) with `arguments`, feeding `stdin`,
    /// from `directory` (default: the repository root).
    /// An explicit `environment` replaces the inherited one, except for the sanitizers'
    /// options (`ASAN_OPTIONS` and the like), which carry over so that a sanitized build
    /// keeps the settings its test run chose.
    public static func run(
        _ arguments: [String], stdin: Data = Data(), directory: URL? = nil,
        environment: [String: String]? = nil, executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? productsFolder.appendingPathComponent("textpipe")
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        if let environment { process.environment = environment.merging(sanitizerOptions) { explicit, _ in explicit } }
        // Files, not pipes: no thread juggling, and large inputs cannot deadlock.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["stdin", "stdout", "stderr"].map { folder.appendingPathComponent($0) }
        try stdin.write(to: paths[0])
        _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
        _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: paths[0])
        process.standardOutput = try FileHandle(forWritingTo: paths[1])
        process.standardError = try FileHandle(forWritingTo: paths[2])
        try process.run()
        process.waitUntilExit()
        let outputData = try Data(contentsOf: paths[1])
        let errorData = try Data(contentsOf: paths[2])
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
