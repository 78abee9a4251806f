import Foundation

/// Puts the binary, its resource folders and its shared libraries into a
/// bundle folder, checks that the copy finds every library inside the
/// bundle, and writes the archive.
enum BundleBinary {
    #if arch(x86_64)
        static let architecture = "x86_64"
    #elseif arch(arm64)
        static let architecture = "aarch64"
    #else
        static let architecture = "unknown"
    #endif

    /// Copies `binary` to `root/textpipe`, the `*.resources` folders beside it, and
    /// the libraries it needs to `root/lib/`; returns the libraries' bundle paths.
    /// - Throws: ``CLIFailure`` (status 2) for a binary that links the Swift runtime
    ///   dynamically or does not look for libraries in `$ORIGIN/lib`.
    static func stage(binary: String, into root: URL) throws -> [String] {
        let real = URL(fileURLWithPath: binary).resolvingSymlinksInPath()
        guard FileManager.default.isExecutableFile(atPath: real.path) else {
            throw CLIFailure.configuration("bundle: --binary \(binary) is not an executable file")
        }
        let dependencies = try BundleLibraries.dependencies(of: real.path)
        if let runtime = dependencies.first(where: { BundleLibraries.isSwiftRuntime($0.name) }) {
            throw CLIFailure.configuration(
                "bundle: \(binary) needs \(runtime.name) from the Swift toolchain; build it with --static-swift-stdlib (scripts/make-bundle)")
        }
        let fileManager = FileManager.default
        try copy(real.path, to: root.appendingPathComponent("textpipe").path)
        let folder = real.deletingLastPathComponent()
        for name in try fileManager.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".resources") {
            try copy(folder.appendingPathComponent(name).path, to: root.appendingPathComponent(name).path)
        }
        let lib = root.appendingPathComponent("lib")
        try fileManager.createDirectory(at: lib, withIntermediateDirectories: true)
        var bundled: [String] = []
        for dependency in BundleLibraries.toBundle(dependencies) {
            guard let path = dependency.path else {
                throw CLIFailure.configuration("bundle: \(binary) needs \(dependency.name), which ldd cannot find")
            }
            try copy(URL(fileURLWithPath: path).resolvingSymlinksInPath().path, to: lib.appendingPathComponent(dependency.name).path)
            bundled.append("lib/" + dependency.name)
        }
        try checkCopy(root: root, binary: binary)
        return bundled
    }

    /// Fails unless the copied binary resolves every bundled library inside `root/lib`.
    private static func checkCopy(root: URL, binary: String) throws {
        let libPrefix = root.appendingPathComponent("lib").standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for dependency in try BundleLibraries.dependencies(of: root.appendingPathComponent("textpipe").path)
        where !BundleLibraries.systemLibraries.contains(dependency.name) {
            let found = dependency.path.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            guard let found, found.hasPrefix(libPrefix) else {
                throw CLIFailure.configuration(
                    "bundle: \(binary) finds \(dependency.name) at \(dependency.path ?? "nowhere"), not in the bundle's lib/; link it with -Xlinker -rpath -Xlinker '$ORIGIN/lib' (scripts/make-bundle)"
                )
            }
        }
    }

    private static func copy(_ source: String, to target: String) throws {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        } catch {
            throw CLIFailure.io("bundle: cannot copy \(source) to \(target): \(error.localizedDescription)")
        }
    }

    /// Writes `root`'s contents as a gzip tar archive at `output`, reproducibly
    /// (sorted names, owner 0, time 0), through a temporary file and a rename.
    /// - Throws: ``CLIFailure`` (status 1) when `tar` fails.
    static func archive(_ root: URL, to output: String) throws {
        let target = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        let result = try BundleProcess.run(
            "/usr/bin/env",
            [
                "tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--mtime=@0",
                "--use-compress-program=gzip -n", "-cf", temporary.path, "-C", root.path, ".",
            ])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure.io("bundle: cannot write \(output): \(result.stderr)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure.io("bundle: cannot write \(output): \(String(cString: strerror(errno)))")
        }
    }
}
