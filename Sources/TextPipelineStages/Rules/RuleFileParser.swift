import Foundation
import TextPipeline
import Yams

/// Reads a `rules.tokens@1` rules file into a ``RuleSet``.
///
/// ```yaml
/// version: 1
/// word_lists:
///   units: [mln, million, billion]
///   months: { file: months.txt, ignore_case: true }
/// rules:
///   - name: money
///     pattern:
///       - { text: ["$", "€"], op: "?" }
///       - { kind: number }
///       - { in: units, op: "?" }
///     action: { add_span: money, label: MONEY }
/// ```
///
/// Every problem is a ``ConfigurationError`` naming the file, the line, the
/// rule (`rules[2] (money)`) and what is wrong.
struct RuleFileParser {
    let nodes: RuleFileNodes
    let baseDirectory: String
    var wordLists: [String: (words: ByteSet, ignoreCase: Bool)] = [:]
    var specs: [TokenSpec] = []
    var regexPatterns: [String] = []
    var labelIndex: [String: Int32] = [:]
    /// Spec index by the canonical text of its conditions: equal conditions are evaluated once per token.
    var specIndex: [String: Int] = [:]
    /// Word files read, by resolved path, with their FNV-1a 64 checksums.
    var wordFileChecksums: [String: String] = [:]

    static let topKeys = ["version", "word_lists", "rules"]
    static let ruleKeys = ["name", "pattern", "action"]
    static let elementKeys = ["text", "lower", "shape", "kind", "in", "entity", "regex", "op", "any_of"]
    static let actionKeys = ["add_entity", "id", "add_span", "label", "relabel"]

    /// Loads and compiles the rules file at `path`.
    /// - Parameter name: the file as the user wrote it, for messages.
    static func load(path: String, name: String) throws -> RuleSet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: name, line: nil, keyPath: "", message: "cannot read the rules file \(path)")
        }
        return try parse(yaml: text, file: name, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Compiles rules from YAML text.
    static func parse(yaml: String, file: String, baseDirectory: String) throws -> RuleSet {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ConfigurationError(file: file, line: nil, keyPath: "", message: "the rules file is empty; expected 'version: 1' and 'rules'")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(
                file: file, line: nil, keyPath: "", message: "invalid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        var parser = RuleFileParser(nodes: RuleFileNodes(file: file), baseDirectory: baseDirectory)
        return try parser.ruleSet(root, checksum: fnv1a64(Array(yaml.utf8)))
    }

    private mutating func ruleSet(_ root: Node, checksum: String) throws -> RuleSet {
        let entries = try nodes.mapping(root, "", allowed: Self.topKeys)
        guard let version = entries.first(where: { $0.key == "version" }) else {
            throw nodes.error(root, "", "missing key 'version'; expected 'version: 1'")
        }
        guard version.value.integer == 1 else { throw nodes.error(version.value, "version", "expected 1, the only rules format version") }
        if let lists = entries.first(where: { $0.key == "word_lists" }) { try readWordLists(lists.value) }
        guard let rulesNode = entries.first(where: { $0.key == "rules" })?.value else {
            throw nodes.error(root, "", "missing key 'rules'; expected a list of rules")
        }
        let ruleNodes = try nodes.list(rulesNode, "rules")
        guard !ruleNodes.isEmpty else { throw nodes.error(rulesNode, "rules", "expected at least one rule") }
        var rules: [TokenRule] = []
        for (index, node) in ruleNodes.enumerated() {
            let rule = try self.rule(node, index: index)
            if rules.contains(where: { $0.name == rule.name }) {
                throw nodes.error(node, "rules[\(index)] (\(rule.name)).name", "another rule is already named '\(rule.name)'")
            }
            rules.append(rule)
        }
        return RuleSet(
            file: nodes.file, specs: specs, rules: rules, regexPatterns: regexPatterns, labelIndex: labelIndex,
            checksums: wordFileChecksums.merging([nodes.file: checksum]) { first, _ in first })
    }

    private mutating func rule(_ node: Node, index: Int) throws -> TokenRule {
        let entries = try nodes.mapping(node, "rules[\(index)]", allowed: Self.ruleKeys)
        guard let nameNode = entries.first(where: { $0.key == "name" })?.value else {
            throw nodes.error(node, "rules[\(index)]", "missing key 'name'")
        }
        let name = try nodes.string(nameNode, "rules[\(index)].name")
        let path = "rules[\(index)] (\(name))"
        guard let patternNode = entries.first(where: { $0.key == "pattern" })?.value else { throw nodes.error(node, path, "missing key 'pattern'") }
        guard let actionNode = entries.first(where: { $0.key == "action" })?.value else { throw nodes.error(node, path, "missing key 'action'") }
        let pattern = try sequence(patternNode, "\(path).pattern")
        let automaton: PatternAutomaton
        do {
            automaton = try PatternAutomaton(pattern)
        } catch .matchesEmpty {
            throw nodes.error(patternNode, "\(path).pattern", "every element is optional, so the pattern could match no tokens; make one element required")
        } catch .tooLarge(let states) {
            throw nodes.error(
                patternNode, "\(path).pattern",
                "the pattern compiles to more than \(states) token states, over the limit of \(PatternAutomaton.maximumStates); lower the {m,n} bounds")
        }
        let readsEntities = Set(automaton.specs).contains { specs[Int($0)].readsEntities }
        return TokenRule(name: name, automaton: automaton, action: try action(actionNode, "\(path).action"), readsEntities: readsEntities)
    }
}
