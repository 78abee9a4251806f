import Foundation
import TextPipeline

/// Keeps a run from writing over what it reads, checked before anything is written.
///
/// Files are compared by identity (device and inode, after following
/// symlinks), so another spelling of a path, a symlink or a hard link is the
/// same file:
/// - an output (`-o`, stdout redirected to a file, the resume sidecar or
///   `--metrics`) that is an input the user named is refused (status 2);
/// - an output that a folder input would read (an earlier run's output left in
///   the folder) is left out of the inputs, with a note on stderr: reading it
///   back would loop, each record read producing one more to read.
enum OutputPathSafety {
    /// A file's identity: the same for every path, symlink and hard link that leads to it.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        /// The identity of what `path` leads to, or nil when nothing is there.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// The identity of an open descriptor, or nil when it is not open.
        init?(descriptor: Int32) {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            self.init(info)
        }

        private init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// One file the run will write, described for messages.
    struct Destination {
        let identity: FileIdentity
        let description: String
    }

    /// The inputs to read: `files` without the run's own outputs that folders contributed.
    /// - Parameters:
    ///   - files: the expanded inputs.
    ///   - named: the inputs as the user named them (files named here are refused, not left out).
    ///   - output: `-o`, or nil for stdout.
    ///   - metrics: `--metrics`, or nil.
    /// - Returns: the inputs to read and a note for each file left out.
    /// - Throws: ``CLIFailure/configuration(_:)`` when an output is a named input, or metrics and output are one file.
    static func inputs(_ files: [InputFile], named: [String], output: String?, metrics: String?) throws(CLIFailure) -> (files: [InputFile], notes: [String]) {
        let outputs = destinations(output: output)
        if let metrics, let output, resolvedPath(metrics) == resolvedPath(output) {
            throw .configuration("refusing to run: --metrics \(metrics) is also the output \(output)")
        }
        if let metrics, let identity = FileIdentity(path: metrics) {
            if let clash = outputs.first(where: { $0.identity == identity }) {
                throw .configuration("refusing to run: --metrics \(metrics) is also \(clash.description)")
            }
            if let input = files.first(where: { !$0.isStandardInput && FileIdentity(path: $0.path) == identity }) {
                throw .configuration("refusing to run: --metrics \(metrics) is also an input (\(input.path)); writing it would destroy that input")
            }
        }
        guard !outputs.isEmpty else { return (files, []) }
        let namedFiles = Set(named.filter { $0 != "-" && !isDirectory($0) }.compactMap { FileIdentity(path: $0) })
        var kept: [InputFile] = []
        var notes: [String] = []
        for file in files {
            guard !file.isStandardInput, let identity = FileIdentity(path: file.path),
                let clash = outputs.first(where: { $0.identity == identity })
            else {
                kept.append(file)
                continue
            }
            if namedFiles.contains(identity) {
                throw .configuration("refusing to run: \(clash.description) is also an input (\(file.path)); writing it would destroy that input")
            }
            notes.append("leaving out \(file.path): it is \(clash.description), not an input")
        }
        return (kept, notes)
    }

    /// Whether a run may keep a resume sidecar beside `output`: only for a
    /// regular file (or a path where one will be created), never for a
    /// device, a pipe or a socket.
    static func takesSidecar(_ output: String) -> Bool {
        var info = stat()
        guard stat(output, &info) == 0 else { return true }
        return info.st_mode & S_IFMT == S_IFREG
    }

    /// The existing files a run with `output` writes before or while it reads.
    private static func destinations(output: String?) -> [Destination] {
        guard let output else {
            guard let identity = FileIdentity(descriptor: STDOUT_FILENO), isRegular(descriptor: STDOUT_FILENO) else { return [] }
            return [Destination(identity: identity, description: "standard output")]
        }
        var found: [Destination] = []
        if let identity = FileIdentity(path: output) { found.append(Destination(identity: identity, description: "the output \(output)")) }
        let sidecar = ResumeLedger.sidecarPath(for: output)
        if takesSidecar(output), let identity = FileIdentity(path: sidecar) {
            found.append(Destination(identity: identity, description: "the resume sidecar \(sidecar)"))
        }
        return found
    }

    /// An absolute path with symlinks resolved as far as the path exists: two
    /// paths to a file not created yet are one file when these are equal.
    private static func resolvedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func isRegular(descriptor: Int32) -> Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
