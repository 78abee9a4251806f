import Foundation
import Yams

/// The options of one stage in a pipeline file (its `with:` mapping), with
/// typed accessors that fail with a ``ConfigurationError`` naming the file,
/// line and key path.
///
/// Keys not declared in the stage's ``OptionSpec`` list are rejected when the
/// options are created, so a typo never passes silently. Values are read with
/// the accessor that matches the option's ``OptionSpec/ValueType`` (see there);
/// the YAML library behind them is not part of the API.
public struct StageOptions {
    private let values: [String: Node]
    private let specs: [String: OptionSpec]
    /// The file as the user named it, for messages.
    public let file: String
    /// The key path of this mapping, such as `stages[1].with`.
    public let keyPath: String
    /// The folder that relative paths resolve against.
    public let baseDirectory: String
    private let line: Int?

    /// Reads YAML text holding one mapping of options (`{ locale: en }`, or block style) against
    /// `specs`: what a stage sees for a pipeline file's `with:`, for tests and for programs that
    /// build stages from their own configuration.
    /// - Parameters:
    ///   - yaml: the options, as a pipeline file writes them under `with:`; empty for none.
    ///   - specs: the options the stage accepts (its ``StageConfiguration/options``).
    ///   - file: the name used in messages.
    ///   - baseDirectory: the folder relative paths resolve against.
    /// - Throws: ``ConfigurationError`` for invalid YAML, a value that is not a mapping or an unknown key.
    public init(yaml: String, specs: [OptionSpec], file: String = "<options>", baseDirectory: String = ".") throws {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let problem = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw ConfigurationError(file: file, line: nil, keyPath: "", message: "invalid YAML: \(problem)")
        }
        try self.init(node: node, specs: specs, file: file, keyPath: "", baseDirectory: baseDirectory)
    }

    /// Reads `node` (a mapping or nil) against `specs`.
    /// - Throws: ``ConfigurationError`` for a non-mapping node or an unknown key.
    init(node: Node?, specs: [OptionSpec], file: String, keyPath: String, baseDirectory: String) throws {
        self.file = file
        self.keyPath = keyPath
        self.baseDirectory = baseDirectory
        self.line = node?.mark?.line
        self.specs = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: Node] = [:]
        if let node, !Self.isNull(node) {
            guard let mapping = node.mapping else {
                throw ConfigurationError(
                    file: file, line: node.mark?.line, keyPath: keyPath,
                    message: "expected a mapping of options, found \(Self.describe(node))")
            }
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard self.specs[name] != nil else {
                    throw ConfigurationError.unknownKey(
                        name, known: specs.map(\.name), file: file, line: key.mark?.line,
                        keyPath: Self.join(keyPath, name))
                }
                values[name] = value
            }
        }
        self.values = values
    }

    /// Whether the pipeline file set `name`.
    public func contains(_ name: String) -> Bool { values[name] != nil }

    /// A configuration error located at option `name` (or at this mapping).
    public func error(_ name: String?, _ message: String) -> ConfigurationError {
        let node = name.flatMap { values[$0] }
        return ConfigurationError(
            file: file, line: node?.mark?.line ?? line,
            keyPath: name.map { Self.join(keyPath, $0) } ?? keyPath, message: message)
    }

    /// The scalar option `name` as written (any plain or quoted scalar), or nil when unset.
    /// - Throws: ``ConfigurationError`` for a list, a mapping or null.
    public func string(_ name: String) throws -> String? {
        guard let node = values[name] else { return nil }
        guard let scalar = node.scalar, !Self.isNull(node) else { throw error(name, "expected a string, found \(Self.describe(node))") }
        return scalar.string
    }

    /// The scalar option `name`, or `value` when unset.
    public func string(_ name: String, default value: String) throws -> String { try string(name) ?? value }

    /// The integer option `name` (`12`, `-3`, `0x1F`), or `value` when unset.
    /// - Throws: ``ConfigurationError`` for anything else, including `1.5` and `1:30`.
    public func integer(_ name: String, default value: Int) throws -> Int {
        guard let node = values[name] else { return value }
        guard let number = node.integer else { throw error(name, "expected an integer, found \(Self.describe(node))") }
        return number
    }

    /// An integer that must lie in `range`.
    public func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        let number = try integer(name, default: value)
        guard range.contains(number) else {
            throw error(name, "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(number)")
        }
        return number
    }

    /// The finite number option `name` (an integer or a decimal such as `0.9`), or `value` when unset.
    public func number(_ name: String, default value: Double) throws -> Double {
        guard let node = values[name] else { return value }
        guard let number = node.number ?? node.integer.map(Double.init), number.isFinite else {
            throw error(name, "expected a number, found \(Self.describe(node))")
        }
        return number
    }

    /// The boolean option `name` (`true` or `false`), or `value` when unset.
    public func boolean(_ name: String, default value: Bool) throws -> Bool {
        guard let node = values[name] else { return value }
        guard let flag = node.bool else { throw error(name, "expected true or false, found \(Self.describe(node))") }
        return flag
    }

    /// A string that must be one of the spec's choices.
    public func choice(_ name: String, default value: String) throws -> String {
        let chosen = try string(name, default: value)
        if case .choice(let allowed)? = specs[name]?.type, !allowed.contains(chosen) {
            throw error(name, "expected one of \(allowed.joined(separator: ", ")), found '\(chosen)'")
        }
        return chosen
    }

    /// The list-of-strings option `name`, or nil when unset; a single scalar is a list of one.
    /// - Throws: ``ConfigurationError`` for a mapping or a list holding a list or a mapping.
    public func stringList(_ name: String) throws -> [String]? {
        guard let node = values[name] else { return nil }
        if let scalar = node.scalar, !Self.isNull(node), !(node.tag.description.hasSuffix("null")) {
            return [scalar.string]
        }
        guard let sequence = node.sequence else { throw error(name, "expected a list of strings, found \(Self.describe(node))") }
        return try sequence.map { item in
            guard let scalar = item.scalar else {
                throw ConfigurationError(
                    file: file, line: item.mark?.line, keyPath: Self.join(keyPath, name),
                    message: "expected a list of strings, found an item that is \(Self.describe(item))")
            }
            return scalar.string
        }
    }

    /// A path resolved against the pipeline file's folder. Does not check existence.
    public func path(_ name: String) throws -> String? {
        try string(name).map(resolve)
    }

    /// A list of paths, each resolved as ``path(_:)`` does, or nil when unset.
    public func pathList(_ name: String) throws -> [String]? {
        try stringList(name)?.map(resolve)
    }

    /// A nested mapping, read against `specs`.
    public func mapping(_ name: String, specs: [OptionSpec]) throws -> StageOptions {
        try StageOptions(node: values[name], specs: specs, file: file, keyPath: Self.join(keyPath, name), baseDirectory: baseDirectory)
    }

    /// Resolves a relative path against ``baseDirectory``; absolute paths are kept;
    /// `builtin:NAME` names a shipped gazetteer (``ShippedData/resolveBuiltin(_:)``).
    /// Reports the path to ``PathRecorder/current`` when one is bound.
    public func resolve(_ path: String) -> String {
        let resolved =
            ShippedData.resolveBuiltin(path)
            ?? (path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path)
        PathRecorder.current?.record(keyPath: keyPath, written: path, resolved: resolved)
        return resolved
    }

    /// `parent.child`, or `child` at the top level.
    static func join(_ parent: String, _ child: String) -> String {
        parent.isEmpty ? child : "\(parent).\(child)"
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// "a list", "a mapping", "the string 'x'" — for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing (null)" }
            if scalar.style == .plain, node.integer != nil { return "the number \(scalar.string)" }
            if scalar.style == .plain, node.number != nil { return "the number \(scalar.string)" }
            if scalar.style == .plain, node.bool != nil { return "the boolean \(scalar.string)" }
            return "the string '\(scalar.string)'"
        }
    }
}
