/// What the index page of an HTML report shows, gathered record by record.
struct ReportStatistics {
    struct EntityCount {
        var name: String
        var canonicalID: String?
        var count: Int
    }

    /// One row of the search data.
    struct Row {
        var ordinal: Int
        var page: Int
        var title: String
        var id: String
        var entityNames: [String]
        var entityCount: Int
        var error: String?
    }

    /// An entity of one label: its canonical id, else its text.
    struct EntityKey: Hashable {
        var label: String
        var key: String
    }

    var articles = 0
    var errors = 0
    var entities = 0
    /// Mentions per label, in order of first appearance (a handful of labels: a linear scan beats hashing).
    var labelCounts: [(label: String, count: Int)] = []
    /// Mentions per entity (one level, one hash per mention).
    var entityCounts: [EntityKey: EntityCount] = [:]
    /// Articles that list each keyword.
    var keywordCounts: [String: Int] = [:]
    var rows: [Row] = []

    mutating func add(_ summary: RecordSummary, id: ArticleID, ordinal: Int, page: Int) {
        articles += 1
        if summary.error != nil { errors += 1 }
        var names: [String] = []
        var seen: Set<String> = []
        seen.reserveCapacity(summary.entities.count)
        for entity in summary.entities {
            entities += 1
            countLabel(entity.label)
            entityCounts[
                EntityKey(label: entity.label, key: entity.canonicalID ?? entity.text),
                default: EntityCount(name: entity.text, canonicalID: entity.canonicalID, count: 0)
            ].count += 1
            if seen.insert(entity.text).inserted { names.append(entity.text) }
        }
        for (index, keyword) in summary.keywords.enumerated() where !summary.keywords[..<index].contains(keyword) {
            keywordCounts[keyword, default: 0] += 1
        }
        rows.append(
            Row(
                ordinal: ordinal, page: page, title: summary.title ?? "", id: id.description,
                entityNames: names, entityCount: summary.entities.count, error: summary.error))
    }

    private mutating func countLabel(_ label: String) {
        for index in labelCounts.indices where labelCounts[index].label == label {
            labelCounts[index].count += 1
            return
        }
        labelCounts.append((label, 1))
    }

    /// Labels, most frequent first (ties by name).
    var labelsByCount: [(label: String, count: Int)] {
        labelCounts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }

    /// The `limit` entities of `label` with most mentions (ties by name, then canonical id).
    func topEntities(_ label: String, _ limit: Int) -> [EntityCount] {
        topEntitiesByLabel(limit)[label] ?? []
    }

    /// ``topEntities(_:_:)`` for every label at once: one pass over the entities,
    /// keeping each label's best `limit` in order (no sort of all of them).
    func topEntitiesByLabel(_ limit: Int) -> [String: [EntityCount]] {
        var top: [String: [EntityCount]] = [:]
        guard limit > 0 else { return top }
        for (key, entity) in entityCounts {
            var best = top[key.label] ?? []
            if best.count == limit, let last = best.last, !Self.ranksBefore(entity, last) { continue }
            let position = best.firstIndex { Self.ranksBefore(entity, $0) } ?? best.count
            best.insert(entity, at: position)
            if best.count > limit { best.removeLast() }
            top[key.label] = best
        }
        return top
    }

    /// More mentions first, then by name, then by canonical id (none first).
    static func ranksBefore(_ a: EntityCount, _ b: EntityCount) -> Bool {
        if a.count != b.count { return a.count > b.count }
        if a.name != b.name { return a.name < b.name }
        return (a.canonicalID ?? "") < (b.canonicalID ?? "")
    }

    func topKeywords(_ limit: Int) -> [(keyword: String, count: Int)] {
        keywordCounts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map { $0 }
    }
}
