import Foundation

/// The size of the file at `path` as `lstat` gives it (a symbolic link's own size, as
/// `FileManager.attributesOfItem` gives it), or nil when it fails.
///
/// Read with `lstat` itself, not from the attribute dictionary: building it and the first
/// `as? Int` cast of its values cost about 1 M instructions each at start-up.
func lstatSize(_ path: String) -> Int? {
    var status = stat()
    return lstat(path, &status) == 0 ? Int(status.st_size) : nil
}
