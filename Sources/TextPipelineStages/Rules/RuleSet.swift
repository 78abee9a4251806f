import TextPipeline

/// A compiled rules file: token specs shared by every rule, the rules in
/// order, and the tables their conditions refer to.
///
/// Built once when the pipeline loads and shared read-only by all workers;
/// only the regular expressions are compiled again per worker, because
/// compiled POSIX expressions are not values.
struct RuleSet: Sendable {
    /// The rules file as the user named it.
    let file: String
    let specs: [TokenSpec]
    let rules: [TokenRule]
    /// The source text of each regular expression that specs refer to.
    let regexPatterns: [String]
    /// Entity labels that conditions test, indexed by ``TokenSpec/entityLabels``.
    let labelIndex: [String: Int32]
    /// FNV-1a 64 of the rules file and of every word file it read, by file.
    let checksums: [String: String]

    /// Whether any rule tests entity labels.
    var readsEntities: Bool { rules.contains(where: \.readsEntities) }

    /// The label-table index of `label`, or -1 when no condition names it.
    func index(of label: EntityLabel) -> Int32 { labelIndex[label.rawValue] ?? -1 }

    /// The layers the rules read: tokens, and entities when a condition or
    /// relabel needs them and no rule of this file adds entities itself.
    var requires: [LayerName] {
        let needsEntities = readsEntities || rules.contains { if case .relabel = $0.action { true } else { false } }
        let addsEntities = rules.contains { if case .addEntity = $0.action { true } else { false } }
        return needsEntities && !addsEntities ? [.tokens, .entities] : [.tokens]
    }

    /// The layers the rules write, in first-use order.
    var provides: [LayerName] {
        var layers: [LayerName] = []
        for rule in rules {
            let layer: LayerName =
                switch rule.action {
                case .addEntity, .relabel: .entities
                case .addSpan(let name, _): .spans(name)
                }
            if !layers.contains(layer) { layers.append(layer) }
        }
        return layers
    }
}
