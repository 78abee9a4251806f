import Foundation

/// The folder a folder format (brat, HTML) writes into.
///
/// A run starts on a fresh folder: one that does not exist, is empty, or was
/// written by textpipe before (it holds the marker file ``markerName``), whose
/// files are then moved out of sight, into ``previousName`` inside it, and
/// removed when the run finishes (``removePrevious()``), or by the next run if
/// this one stops first. Any other folder, or a file at the path, is refused,
/// so a run never mixes its files with someone else's.
///
/// Moving instead of deleting first matters for brat's two files per article:
/// on ext4, files created just after many were deleted in the same folder cost
/// up to ten times the system time (the allocator steps over the freshly freed
/// inodes one by one), so the old files are deleted after the new ones exist.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as written by textpipe.
    public static let markerName = ".textpipe-output"
    /// The hidden subfolder that holds an earlier run's files until this run finishes.
    public static let previousName = ".textpipe-previous"
    /// The folder's path.
    public let path: String

    /// Prepares `path` for a new run.
    /// - Throws: ``OutputFolderRefusal`` when the path holds other files (a usage error),
    ///   ``OutputError`` when the folder cannot be created or cleared.
    public init(preparing path: String, format: String) throws {
        self.path = path
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw OutputFolderRefusal(message: "--output-format \(format) writes a folder, but \(path) is a file; give a folder path")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty {
                guard contents.contains(Self.markerName) else {
                    throw OutputFolderRefusal(message: "\(path) is not empty and was not written by textpipe; give an empty or new folder")
                }
                let previous = path + "/" + Self.previousName
                do {
                    // Left by a run that stopped before finishing: nothing in it is kept.
                    if contents.contains(Self.previousName) { try manager.removeItem(atPath: previous) }
                    try manager.createDirectory(atPath: previous, withIntermediateDirectories: false)
                } catch {
                    throw OutputError(message: "cannot clear \(path): \(error.localizedDescription)")
                }
                for name in contents where name != Self.previousName {
                    guard rename(path + "/" + name, previous + "/" + name) == 0 else {
                        throw OutputError(message: "cannot clear \(path)/\(name): \(String(cString: strerror(errno)))")
                    }
                }
            }
        }
        do { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw OutputError(message: "cannot create the folder \(path): \(error.localizedDescription)")
        }
        try write(Array("written by textpipe --output-format \(format); a new run replaces this folder's files\n".utf8), to: Self.markerName)
    }

    /// Removes the earlier run's files (``previousName``), if any. Writers call it when they finish.
    /// - Throws: ``OutputError`` when they cannot be removed.
    public func removePrevious() throws(OutputError) {
        let previous = path + "/" + Self.previousName
        guard FileManager.default.fileExists(atPath: previous) else { return }
        do { try FileManager.default.removeItem(atPath: previous) } catch {
            throw OutputError(message: "cannot remove \(previous): \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to the file `name` in the folder, replacing it.
    public func write(_ bytes: some Collection<UInt8>, to name: String) throws(OutputError) {
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(message: "cannot open \(file) for writing: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        if let failure = FileDescriptorWrites.writeAll(descriptor, bytes) {
            throw OutputError(message: "cannot write \(file): \(FileDescriptorWrites.reason(failure))")
        }
    }
}

/// A folder output that would overwrite files textpipe did not write. A usage error (status 2).
public struct OutputFolderRefusal: Error, Sendable, CustomStringConvertible {
    /// Which folder, and why it is refused.
    public let message: String
    public var description: String { message }
}
