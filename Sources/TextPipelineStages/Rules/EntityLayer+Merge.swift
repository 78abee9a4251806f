import TextPipeline

/// An entity proposed by a stage that adds entities to an existing layer.
struct ProposedEntity: Sendable {
    var tokens: Range<Int>
    var label: EntityLabel
    var canonicalID: String?
}

extension EntityLayer {
    /// Adds `proposed` entities that overlap neither an existing entity nor
    /// an earlier proposal, and keeps the layer sorted by first token.
    ///
    /// Existing entities always win: a stage that adds entities never
    /// removes or reshapes those of earlier stages.
    /// - Returns: the number of entities added.
    @discardableResult
    mutating func merge(_ proposed: [ProposedEntity], tokenCount: Int) -> Int {
        guard !proposed.isEmpty else { return 0 }
        var occupied = [Bool](repeating: false, count: tokenCount)
        for index in 0 ..< count { for token in tokenRange(index) where token < tokenCount { occupied[token] = true } }
        var rows = (0 ..< count).map { ProposedEntity(tokens: tokenRange($0), label: labels[$0], canonicalID: canonicalIDs[$0]) }
        let before = rows.count
        for entity in proposed where entity.tokens.upperBound <= tokenCount && !entity.tokens.isEmpty {
            guard !entity.tokens.contains(where: { occupied[$0] }) else { continue }
            for token in entity.tokens { occupied[token] = true }
            rows.append(entity)
        }
        let added = rows.count - before
        guard added > 0 else { return 0 }
        rows.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        var layer = EntityLayer()
        for row in rows { layer.append(tokens: row.tokens, label: row.label, canonicalID: row.canonicalID) }
        self = layer
        return added
    }
}

extension SpanLayer {
    /// The same spans ordered by start, then end; labels travel with their spans.
    func sortedByStart() -> SpanLayer {
        let order = (0 ..< count).sorted { (starts[$0], ends[$0]) < (starts[$1], ends[$1]) }
        var layer = SpanLayer()
        for index in order { layer.append(bytes: Int(starts[index]) ..< Int(ends[index]), label: labels[index]) }
        return layer
    }
}
