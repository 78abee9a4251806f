import Foundation
import TextPipeline
import Yams

extension RuleFileParser {
    /// `{add_entity: LABEL, id?}`, `{add_span: LAYER, label?}` or `{relabel: LABEL}`.
    func action(_ node: Node, _ keyPath: String) throws -> RuleAction {
        let entries = try nodes.mapping(node, keyPath, allowed: Self.actionKeys)
        let verbs = entries.filter { ["add_entity", "add_span", "relabel"].contains($0.key) }
        guard verbs.count == 1, let verb = verbs.first else {
            throw nodes.error(node, keyPath, "expected exactly one of add_entity, add_span or relabel, found \(verbs.count)")
        }
        func value(_ key: String) throws -> String? {
            try entries.first(where: { $0.key == key }).map { try nodes.string($0.value, "\(keyPath).\(key)") }
        }
        let argument = try nodes.string(verb.value, "\(keyPath).\(verb.key)")
        guard !argument.isEmpty else { throw nodes.error(verb.value, "\(keyPath).\(verb.key)", "expected a non-empty name") }
        let extra: (allowed: String?, given: [String]) = (
            verb.key == "add_entity" ? "id" : verb.key == "add_span" ? "label" : nil,
            entries.map(\.key).filter { $0 == "id" || $0 == "label" }
        )
        if let stray = extra.given.first(where: { $0 != extra.allowed }) {
            throw nodes.error(node, "\(keyPath).\(stray)", "'\(stray)' does not apply to \(verb.key)")
        }
        switch verb.key {
        case "add_entity": return .addEntity(label: argument, canonicalID: try value("id"))
        case "add_span":
            guard argument.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw nodes.error(verb.value, "\(keyPath).add_span", "a layer name holds letters, digits, '_' and '-' only, found '\(argument)'")
            }
            return .addSpan(layer: argument, label: try value("label"))
        default: return .relabel(label: argument)
        }
    }

    /// `word_lists: { name: [words] | { words?, file?, ignore_case? } }`.
    mutating func readWordLists(_ node: Node) throws {
        for (name, value, _) in try nodes.mapping(node, "word_lists", allowed: node.mapping?.keys.compactMap(\.string) ?? []) {
            let path = "word_lists.\(name)"
            var words: [String] = []
            var ignoreCase = false
            if value.sequence != nil {
                words = try nodes.strings(value, path)
            } else {
                for (key, item, _) in try nodes.mapping(value, path, allowed: ["words", "file", "ignore_case"]) {
                    switch key {
                    case "words": words += try nodes.strings(item, "\(path).words")
                    case "file": words += try wordFile(item, "\(path).file")
                    default: ignoreCase = try nodes.boolean(item, "\(path).ignore_case")
                    }
                }
            }
            guard !words.isEmpty else { throw nodes.error(value, path, "the word list is empty") }
            let stored = ignoreCase ? words.map { String(decoding: CaseFolding.lowercase($0), as: UTF8.self) } : words
            wordLists[name] = (ByteSet(stored), ignoreCase)
        }
    }

    /// One word per line; blank lines and lines starting with `#` are skipped. Relative to the rules file.
    private mutating func wordFile(_ node: Node, _ keyPath: String) throws -> [String] {
        let name = try nodes.string(node, keyPath)
        let path = name.hasPrefix("/") ? name : URL(fileURLWithPath: baseDirectory).appendingPathComponent(name).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw nodes.error(node, keyPath, "cannot read word file \(path)")
        }
        wordFileChecksums[path] = fnv1a64(Array(text.utf8))
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
