import TextPipeline
import Yams

extension RuleFileParser {
    /// A non-empty list of pattern elements.
    mutating func sequence(_ node: Node, _ keyPath: String) throws -> [PatternElement] {
        let items = try nodes.list(node, keyPath)
        guard !items.isEmpty else { throw nodes.error(node, keyPath, "expected at least one pattern element") }
        var elements: [PatternElement] = []
        for (index, item) in items.enumerated() { elements.append(try element(item, "\(keyPath)[\(index)]")) }
        return elements
    }

    /// One element: token conditions, or `any_of` alternatives, with an optional `op`.
    mutating func element(_ node: Node, _ keyPath: String) throws -> PatternElement {
        let entries = try nodes.mapping(node, keyPath, allowed: Self.elementKeys)
        var quantifier = Quantifier.once
        if let op = entries.first(where: { $0.key == "op" }) {
            quantifier = try self.quantifier(op.value, "\(keyPath).op")
        }
        if let alternatives = entries.first(where: { $0.key == "any_of" }) {
            if let other = entries.first(where: { $0.key != "any_of" && $0.key != "op" }) {
                throw nodes.error(
                    other.keyNode, "\(keyPath).\(other.key)", "an element with 'any_of' holds no token conditions; put them inside the alternatives")
            }
            let branches = try nodes.list(alternatives.value, "\(keyPath).any_of")
            guard !branches.isEmpty else { throw nodes.error(alternatives.value, "\(keyPath).any_of", "expected at least one alternative") }
            var sequences: [[PatternElement]] = []
            for (index, branch) in branches.enumerated() {
                let branchPath = "\(keyPath).any_of[\(index)]"
                sequences.append(branch.mapping != nil ? [try element(branch, branchPath)] : try sequence(branch, branchPath))
            }
            return .alternatives(sequences, quantifier: quantifier)
        }
        return .token(spec: try spec(entries, keyPath), quantifier: quantifier)
    }

    private func quantifier(_ node: Node, _ keyPath: String) throws -> Quantifier {
        let text = try nodes.string(node, keyPath)
        guard let quantifier = Quantifier(parsing: text) else {
            throw nodes.error(node, keyPath, "expected ?, *, +, {n}, {m,n} or {m,} (quoted in YAML), found '\(text)'")
        }
        if let max = quantifier.max, max < quantifier.min || max < 1 {
            throw nodes.error(node, keyPath, "the upper bound of '\(text)' must be at least 1 and at least the lower bound")
        }
        if max(quantifier.min, quantifier.max ?? 0) > Quantifier.largestBound {
            throw nodes.error(node, keyPath, "bounds above \(Quantifier.largestBound) are not supported, found '\(text)'")
        }
        return quantifier
    }

    /// Builds the spec of a token element and returns its index.
    private mutating func spec(_ entries: [(key: String, value: Node, keyNode: Node)], _ keyPath: String) throws -> Int {
        var spec = TokenSpec()
        for (key, value, _) in entries where key != "op" {
            let path = "\(keyPath).\(key)"
            switch key {
            case "text": spec.texts = ByteSet(try nodes.strings(value, path))
            case "lower": spec.lowers = ByteSet(try nodes.strings(value, path).map { String(decoding: CaseFolding.lowercase($0), as: UTF8.self) })
            case "shape": spec.shapes = ByteSet(try nodes.strings(value, path))
            case "kind": spec.kindMask = try kindMask(value, path)
            case "in":
                spec.wordLists = try nodes.strings(value, path).map { name in
                    guard let list = wordLists[name] else {
                        let known = wordLists.keys.sorted().joined(separator: ", ")
                        throw nodes.error(value, path, "unknown word list '\(name)'; defined lists: \(known.isEmpty ? "(none)" : known)")
                    }
                    return list
                }
            case "entity": try entityCondition(value, path, into: &spec)
            case "regex": spec.regex = try regex(value, path)
            default: break
            }
        }
        let key = try canonicalKey(entries)
        if let existing = specIndex[key] { return existing }
        specs.append(spec)
        specIndex[key] = specs.count - 1
        return specs.count - 1
    }

    /// The conditions as sorted `key=value` text; elements with equal keys test the same thing.
    private func canonicalKey(_ entries: [(key: String, value: Node, keyNode: Node)]) throws -> String {
        try entries.filter { $0.key != "op" }.map { entry in
            "\(entry.key)="
                + (entry.key == "regex"
                    ? try nodes.string(entry.value, entry.key) : try nodes.strings(entry.value, entry.key).sorted().joined(separator: "\u{1F}"))
        }.sorted().joined(separator: "\u{1E}")
    }

    private func kindMask(_ node: Node, _ keyPath: String) throws -> UInt16 {
        var mask: UInt16 = 0
        for name in try nodes.strings(node, keyPath) {
            guard let kind = TokenKind(name: name) else {
                let known = TokenKind.allCases.map(\.description).joined(separator: ", ")
                throw nodes.error(node, keyPath, "unknown token kind '\(name)'; expected one of: \(known)")
            }
            mask |= 1 << UInt16(kind.rawValue)
        }
        return mask
    }

    private mutating func entityCondition(_ node: Node, _ keyPath: String, into spec: inout TokenSpec) throws {
        for label in try nodes.strings(node, keyPath) {
            guard !label.isEmpty else { throw nodes.error(node, keyPath, "expected an entity label such as PER, or '*' for any") }
            if label == "*" { spec.anyEntity = true; continue }
            let index = labelIndex[label] ?? Int32(labelIndex.count)
            labelIndex[label] = index
            spec.entityLabels.append(index)
        }
    }

    private mutating func regex(_ node: Node, _ keyPath: String) throws -> Int {
        let pattern = try nodes.string(node, keyPath)
        do {
            _ = try PosixRegex(pattern)
        } catch {
            throw nodes.error(node, keyPath, "invalid regular expression '\(pattern)': \(error)")
        }
        regexPatterns.append(pattern)
        return regexPatterns.count - 1
    }
}
