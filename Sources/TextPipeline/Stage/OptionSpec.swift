/// The declaration of one stage option: its name, type, default and meaning.
///
/// A stage lists its options once, in ``StageConfiguration/options``; the list drives validation
/// of pipeline files (an unknown key is an error when the file loads) and `textpipe stages`.
public struct OptionSpec: Sendable {
    /// The type of an option's value: what a pipeline file writes under `with:`, and which
    /// ``StageOptions`` accessor reads it. The accessor checks the value when the stage is built,
    /// so a wrong type is a load-time error naming the file, line and key.
    ///
    /// | case | YAML value | read with | Swift type |
    /// |---|---|---|---|
    /// | ``string`` | any scalar: `en`, `"a b"` | ``StageOptions/string(_:)`` | `String` |
    /// | ``integer`` | a whole number: `10`, `-3` (not `1.5`, not `1:30`) | ``StageOptions/integer(_:default:in:)`` | `Int` |
    /// | ``number`` | a finite number: `0.9`, `10` | ``StageOptions/number(_:default:)`` | `Double` |
    /// | ``boolean`` | `true` or `false` | ``StageOptions/boolean(_:default:)`` | `Bool` |
    /// | ``stringList`` | a list `[a, b]`; a single scalar is a list of one | ``StageOptions/stringList(_:)`` | `[String]` |
    /// | ``choice(_:)`` | one of the listed strings | ``StageOptions/choice(_:default:)`` | `String` |
    /// | ``path`` | a file or folder path, relative to the pipeline file's folder | ``StageOptions/path(_:)`` | `String` (absolute) |
    /// | ``pathList`` | a list of such paths | ``StageOptions/pathList(_:)`` | `[String]` (absolute) |
    /// | ``mapping(_:)`` | a nested mapping with the listed keys | ``StageOptions/mapping(_:specs:)`` | ``StageOptions`` |
    public enum ValueType: Sendable, CustomStringConvertible {
        /// Any scalar, read as written.
        case string
        /// A whole number.
        case integer
        /// A finite number, whole or decimal.
        case number
        /// `true` or `false`.
        case boolean
        /// A list of scalars, or one scalar.
        case stringList
        /// One of a fixed set of strings.
        case choice([String])
        /// A file path, relative to the pipeline file's folder.
        case path
        /// A list of file paths, each relative to the pipeline file's folder.
        case pathList
        /// A nested mapping whose keys are listed.
        case mapping([String])

        /// The type as `textpipe stages` prints it (`integer`, `list of paths`, `auto | line`).
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

    /// The key under `with:`.
    public let name: String
    /// What the value must be, and which ``StageOptions`` accessor reads it.
    public let type: ValueType
    /// The default, as a user would write it, or nil when the option has none. Shown by
    /// `textpipe stages`; the stage's own reading code applies it.
    public let defaultValue: String?
    /// One line on what the option does, for `textpipe stages`.
    public let help: String

    /// Declares option `name` of `type`, with the default as a user would write it.
    public init(_ name: String, _ type: ValueType, default defaultValue: String? = nil, help: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
    }
}
