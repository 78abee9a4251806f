import Foundation

/// How a file's records are laid out.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case jsonl
    /// The whole file (or stdin) is one article.
    case text
}

/// One concrete input: a file with its format, or stdin.
public struct InputFile: Sendable, Equatable {
    /// The path as given (or found in a folder); `-` for stdin.
    public let path: String
    /// How the file's records are read.
    public let format: InputFormat

    /// A file at `path` (`-` for stdin) read as `format`.
    public init(path: String, format: InputFormat) {
        self.path = path
        self.format = format
    }

    /// Whether this input is standard input.
    public var isStandardInput: Bool { path == "-" }

    /// The format a file's name implies: `.txt` and `.txt.gz` are text, everything else JSON lines.
    public static func format(ofPath path: String) -> InputFormat {
        path.hasSuffix(".txt") || path.hasSuffix(".txt.gz") ? .text : .jsonl
    }

    /// Expands the inputs a user named into files, in order.
    ///
    /// - No inputs, or `-`, means stdin in `stdinFormat`.
    /// - Folders are read recursively; their `.jsonl`, `.ndjson`, `.txt` files (optionally `.gz`)
    ///   are taken in byte order of their paths; hidden files and other extensions are skipped.
    /// - Throws: ``InputError`` (`read_failed`) for a path that does not exist.
    public static func expand(_ inputs: [String], stdinFormat: InputFormat) throws(InputError) -> [InputFile] {
        if inputs.isEmpty { return [InputFile(path: "-", format: stdinFormat)] }
        var files: [InputFile] = []
        for input in inputs {
            if input == "-" {
                files.append(InputFile(path: "-", format: stdinFormat))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw InputError(kind: .readFailed, message: "input \(input) does not exist")
            }
            if isDirectory.boolValue {
                files += try folderFiles(input)
            } else {
                files.append(InputFile(path: input, format: format(ofPath: input)))
            }
        }
        return files
    }

    static let folderExtensions = [".jsonl", ".ndjson", ".txt", ".jsonl.gz", ".ndjson.gz", ".txt.gz"]

    private static func folderFiles(_ folder: String) throws(InputError) -> [InputFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw InputError(kind: .readFailed, message: "cannot list folder \(folder)")
        }
        var paths: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            guard folderExtensions.contains(where: { name.hasSuffix($0) }) else { continue }
            var isDirectory: ObjCBool = false
            let path = prefix + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        // Byte order of the UTF-8 paths, not locale order.
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return paths.map { InputFile(path: $0, format: format(ofPath: $0)) }
    }
}
