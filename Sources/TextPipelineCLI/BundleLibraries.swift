import Foundation

/// The shared libraries a binary needs, as `ldd` reports them, and which of
/// them a bundle must carry.
///
/// A bundle carries every library except the C library's own (libc, libm,
/// libpthread, the dynamic loader, ...): those must come from the node, and a
/// node needs a glibc at least as new as the build machine's.
enum BundleLibraries {
    /// One line of `ldd` output: `libicuuc.so.72 => /lib/x86_64-linux-gnu/libicuuc.so.72 (0x...)`.
    struct Dependency: Equatable {
        let name: String
        /// The file it resolves to, or nil when `ldd` says "not found".
        let path: String?
    }

    /// Libraries of glibc itself, never bundled.
    static let systemLibraries: Set<String> = [
        "linux-vdso.so.1", "linux-gate.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "ld-linux.so.2",
        "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1", "libresolv.so.2",
    ]

    /// Parses `ldd` output.
    static func parse(_ output: String) -> [Dependency] {
        output.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            let parts = line.components(separatedBy: " => ")
            if parts.count == 2 {
                let target = parts[1].components(separatedBy: " (")[0]
                return Dependency(name: parts[0], path: target == "not found" ? nil : target)
            }
            guard let first = line.split(separator: " ").first, first.contains(".so") else { return nil }
            let name = URL(fileURLWithPath: String(first)).lastPathComponent
            return Dependency(name: name, path: String(first).hasPrefix("/") ? String(first) : nil)
        }
    }

    /// The libraries of `dependencies` a bundle must carry.
    static func toBundle(_ dependencies: [Dependency]) -> [Dependency] {
        dependencies.filter { !systemLibraries.contains($0.name) }
    }

    /// Whether `name` is part of the Swift runtime (present when a binary was
    /// built without `--static-swift-stdlib`).
    static func isSwiftRuntime(_ name: String) -> Bool {
        name.hasPrefix("libswift") || name.hasPrefix("libFoundation") || name.hasPrefix("lib_Foundation")
            || name.hasPrefix("libdispatch") || name.hasPrefix("libBlocksRuntime")
    }

    /// The build machine's glibc version, the last word of `ldd --version`'s first line ("2.36").
    static func glibcVersion() throws -> String {
        let result = try BundleProcess.run("/usr/bin/ldd", ["--version"])
        return result.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init) ?? "unknown"
    }

    /// Runs `ldd binary` with a clean environment.
    /// - Throws: ``CLIFailure`` (status 1) when `ldd` cannot run or fails.
    static func dependencies(of binary: String) throws -> [Dependency] {
        let result = try BundleProcess.run("/usr/bin/ldd", [binary])
        guard result.status == 0 else {
            throw CLIFailure.io("bundle: ldd \(binary) failed: \(result.stderr)")
        }
        return parse(result.stdout)
    }
}

/// Runs a helper program (ldd, sha256sum, tar) without a shell, with a clean environment.
enum BundleProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIFailure.io("bundle: cannot run \(program): \(error.localizedDescription)")
        }
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// Reads a pipe to its end on a background thread.
    private final class ErrorCollector: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
