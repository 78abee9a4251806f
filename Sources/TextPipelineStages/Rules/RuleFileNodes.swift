import TextPipeline
import Yams

/// Typed reads of YAML nodes in a rules file, failing with a
/// ``ConfigurationError`` that names the rules file, the line, the key path
/// (which includes the rule's index and name) and the problem.
struct RuleFileNodes {
    let file: String

    func error(_ node: Node?, _ keyPath: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark?.line, keyPath: keyPath, message: message)
    }

    /// The mapping's entries, rejecting keys outside `allowed`.
    func mapping(_ node: Node, _ keyPath: String, allowed: [String]) throws -> [(key: String, value: Node, keyNode: Node)] {
        guard let mapping = node.mapping else { throw error(node, keyPath, "expected a mapping, found \(Self.describe(node))") }
        return try mapping.map { key, value in
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw error(key, Self.join(keyPath, name), "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            return (name, value, key)
        }
    }

    func string(_ node: Node, _ keyPath: String) throws -> String {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            throw error(node, keyPath, "expected a string, found \(Self.describe(node))")
        }
        return scalar.string
    }

    /// A string or a list of strings (a single string is a list of one).
    func strings(_ node: Node, _ keyPath: String) throws -> [String] {
        if case .scalar = node { return [try string(node, keyPath)] }
        guard let sequence = node.sequence else { throw error(node, keyPath, "expected a string or a list of strings, found \(Self.describe(node))") }
        let values = try sequence.enumerated().map { index, item in try string(item, "\(keyPath)[\(index)]") }
        guard !values.isEmpty else { throw error(node, keyPath, "expected at least one string, found an empty list") }
        return values
    }

    func boolean(_ node: Node, _ keyPath: String) throws -> Bool {
        guard let value = node.bool else { throw error(node, keyPath, "expected true or false, found \(Self.describe(node))") }
        return value
    }

    func list(_ node: Node, _ keyPath: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw error(node, keyPath, "expected a list, found \(Self.describe(node))") }
        return Array(sequence)
    }

    static func join(_ parent: String, _ child: String) -> String { parent.isEmpty ? child : "\(parent).\(child)" }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// "a list", "a mapping", "the string 'x'", for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): isNull(node) ? "nothing (null)" : "'\(scalar.string)'"
        }
    }
}
