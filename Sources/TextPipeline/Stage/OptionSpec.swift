/// The declaration of one stage option: its name, type, default and meaning.
///
/// Stage factories list their options once; the list drives validation of
/// pipeline files (unknown keys, wrong types) and `textpipe stages`.
public struct OptionSpec: Sendable {
    /// The type of an option's value.
    public enum ValueType: Sendable, CustomStringConvertible {
        case string
        case integer
        case number
        case boolean
        case stringList
        /// One of a fixed set of strings.
        case choice([String])
        /// A file path, relative to the pipeline file's folder.
        case path
        case pathList
        /// A nested mapping whose keys are listed.
        case mapping([String])

        public var description: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .number: "number"
            case .boolean: "boolean"
            case .stringList: "list of strings"
            case .choice(let values): values.joined(separator: " | ")
            case .path: "path"
            case .pathList: "list of paths"
            case .mapping(let keys): "mapping with keys " + keys.joined(separator: ", ")
            }
        }
    }

    public let name: String
    public let type: ValueType
    /// The default, as a user would write it, or nil when the option has none.
    public let defaultValue: String?
    public let help: String

    public init(_ name: String, _ type: ValueType, default defaultValue: String? = nil, help: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
    }
}
