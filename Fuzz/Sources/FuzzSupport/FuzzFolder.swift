import Foundation

/// A private scratch folder for one fuzzing process: under `$TEXTPIPE_FUZZ_SCRATCH`
/// (set by `scripts/fuzz`, which removes it afterwards), else on tmpfs when there is one.
///
/// Harnesses that must hand the code a file (compiled gazetteers are mapped,
/// pipelines resolve paths) write it here. The gazetteer cache points here
/// too (`TEXTPIPE_CACHE`, unless set: `scripts/fuzz` sets it to `.build-fuzz/cache`),
/// so fuzzing never touches the user's cache.
public enum FuzzFolder {
    /// The folder's path; created on first use and removed at a normal exit
    /// (a crash leaves it for `scripts/fuzz` to remove).
    public static let path: String = {
        let parent =
            ProcessInfo.processInfo.environment["TEXTPIPE_FUZZ_SCRATCH"]
            ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        let folder = "\(parent)/textpipe-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: "\(folder)/cache", withIntermediateDirectories: true)
        setenv("TEXTPIPE_CACHE", "\(folder)/cache", 0)  // scripts/fuzz keeps one cache across runs
        atexit { try? FileManager.default.removeItem(atPath: FuzzFolder.path) }
        return folder
    }()

    /// Writes `bytes` to `name` inside the folder (replacing it) and returns the file's path.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> String {
        let file = "\(path)/\(name)"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot create \(file)")
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            precondition(count > 0, "cannot write \(file)")
            written += count
        }
        close(descriptor)
        return file
    }

    /// Writes `text` to `name` inside the folder and returns the file's path.
    public static func write(_ text: String, name: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { write($0, name: name) }
    }
}
