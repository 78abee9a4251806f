import TextPipeline

/// The per-worker half of ``RulesTokensStage``: compiled regular expressions
/// and every scratch buffer, reused from one document to the next.
struct RulesWorker: StageWorker {
    let rules: RuleSet
    let regexes: [PosixRegex]
    private var features = RuleTokenFeatures()
    private var specBits: [UInt64] = []
    private var matcher = AutomatonMatcher()
    private var matches: [Range<Int>] = []
    private var matchOfToken: [Int32] = []
    private let readsLower: Bool
    private let readsShape: Bool
    private let hashesText: Bool

    init(rules: RuleSet, regexes: [PosixRegex]) {
        self.rules = rules
        self.regexes = regexes
        readsLower = rules.specs.contains(where: \.readsLower)
        readsShape = rules.specs.contains(where: \.readsShape)
        hashesText = rules.specs.contains { $0.texts != nil || $0.wordLists.contains { !$0.ignoreCase } }
    }

    private var wordsPerToken: Int { (rules.specs.count + 63) / 64 }

    mutating func process(_ document: inout Document, context: StageContext) throws {
        guard !document.tokens.isEmpty else { return }
        features.compute(document, lower: readsLower, shape: readsShape)
        let ruleSet = rules
        var bitsCurrent = false
        var touchedLayers: Set<String> = []
        for rule in ruleSet.rules {
            if !bitsCurrent {
                if ruleSet.readsEntities { features.computeEntities(document) { ruleSet.index(of: $0) } }
                try computeSpecBits(document, context: context)
                bitsCurrent = true
            }
            matches.removeAll(keepingCapacity: true)
            let words = wordsPerToken
            try matcher.findMatches(
                rule.automaton, tokenCount: document.tokens.count, context: context,
                test: { [specBits] token, spec in
                    specBits[token * words + spec >> 6] & (1 << UInt64(spec & 63)) != 0
                }, into: &matches)
            guard !matches.isEmpty else { continue }
            if apply(rule.action, to: &document), ruleSet.readsEntities { bitsCurrent = false }
            if case .addSpan(let layer, _) = rule.action { touchedLayers.insert(layer) }
        }
        for layer in touchedLayers { document.spans[layer] = document.spans[layer]?.sortedByStart() }
    }

    /// Evaluates every spec on every token into one bit per (token, spec).
    private mutating func computeSpecBits(_ document: Document, context: StageContext) throws {
        let words = wordsPerToken
        specBits.removeAll(keepingCapacity: true)
        specBits.append(contentsOf: repeatElement(0, count: document.tokens.count * words))
        let regexes = regexes
        try specBits.withUnsafeMutableBufferPointer { bits in
            try rules.specs.withUnsafeBufferPointer { specs in
                try features.forEachToken(of: document, hashText: hashesText) { token, view in
                    if token & 4095 == 0 { try context.checkDeadline() }
                    var word: UInt64 = 0
                    for index in 0 ..< specs.count {
                        if specs[index].matches(view, regexes: regexes) { word |= 1 << UInt64(index & 63) }
                        if index & 63 == 63 || index == specs.count - 1 {
                            bits[token * words + index >> 6] = word
                            word = 0
                        }
                    }
                }
            }
        }
    }

    /// Writes `matches` into the document. Returns whether entities changed.
    private mutating func apply(_ action: RuleAction, to document: inout Document) -> Bool {
        switch action {
        case .addSpan(let layer, let label):
            var spans = document.spans[layer] ?? SpanLayer()
            for match in matches { spans.append(bytes: document.byteRange(ofTokens: match), label: label) }
            document.spans[layer] = spans
            return false
        case .addEntity(let label, let canonicalID):
            let proposed = matches.map { ProposedEntity(tokens: $0, label: EntityLabel(rawValue: label), canonicalID: canonicalID) }
            return document.entities.merge(proposed, tokenCount: document.tokens.count) > 0
        case .relabel(let label):
            return relabel(&document.entities, as: EntityLabel(rawValue: label), tokenCount: document.tokens.count)
        }
    }

    /// Relabels every entity lying wholly inside one match.
    private mutating func relabel(_ entities: inout EntityLayer, as label: EntityLabel, tokenCount: Int) -> Bool {
        matchOfToken.removeAll(keepingCapacity: true)
        matchOfToken.append(contentsOf: repeatElement(-1, count: tokenCount))
        for (index, match) in matches.enumerated() { for token in match { matchOfToken[token] = Int32(index) } }
        var changed = false
        for entity in 0 ..< entities.count {
            let range = entities.tokenRange(entity)
            guard range.upperBound <= tokenCount, !range.isEmpty else { continue }
            let first = matchOfToken[range.lowerBound]
            if first >= 0, first == matchOfToken[range.upperBound - 1], entities.labels[entity] != label {
                entities.relabel(entity, as: label)
                changed = true
            }
        }
        return changed
    }
}
