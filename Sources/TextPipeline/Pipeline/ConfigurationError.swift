/// A problem with a pipeline file or a stage's options, found when the
/// pipeline loads. Its description names the file, the line when known, the
/// key path and what was expected:
///
///     Pipelines/news.yaml:7: stages[1].with.locale: expected a string, found a list
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line of the offending node, when known.
    public let line: Int?
    /// The key path, such as `stages[1].with.locale`; empty for the whole file.
    public let keyPath: String
    /// What was expected and what was found.
    public let message: String

    /// An error at `keyPath` of `file`, on `line` when known.
    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

extension ConfigurationError {
    /// The error for a key that `known` does not list, with the closest known
    /// key as a suggestion: `stages[0].with.locael: unknown option; did you mean 'locale'? expected one of: locale`.
    static func unknownKey(_ key: String, known: [String], file: String, line: Int?, keyPath: String) -> ConfigurationError {
        let list = known.sorted().joined(separator: ", ")
        let suggestion = NameSuggestion.closest(to: key, among: known).map { " did you mean '\($0)'?" } ?? ""
        return ConfigurationError(
            file: file, line: line, keyPath: keyPath,
            message: "unknown option;\(suggestion) expected one of: \(list.isEmpty ? "(none)" : list)")
    }
}
