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

    var articles = 0
    var errors = 0
    var entities = 0
    var labelCounts: [String: Int] = [:]
    /// Per label, per entity (canonical id, else its text): mentions.
    var entityCounts: [String: [String: EntityCount]] = [:]
    /// Articles that list each keyword.
    var keywordCounts: [String: Int] = [:]
    var rows: [Row] = []

    mutating func add(_ summary: RecordSummary, id: ArticleID, ordinal: Int, page: Int) {
        articles += 1
        if summary.error != nil { errors += 1 }
        var names: [String] = []
        var seen: Set<String> = []
        for entity in summary.entities {
            entities += 1
            labelCounts[entity.label, default: 0] += 1
            let key = entity.canonicalID ?? entity.text
            entityCounts[entity.label, default: [:]][key, default: EntityCount(name: entity.text, canonicalID: entity.canonicalID, count: 0)].count += 1
            if seen.insert(entity.text).inserted { names.append(entity.text) }
        }
        for keyword in Set(summary.keywords) { keywordCounts[keyword, default: 0] += 1 }
        rows.append(Row(ordinal: ordinal, page: page, title: summary.title ?? "", id: id.description,
                        entityNames: names, entityCount: summary.entities.count, error: summary.error))
    }

    /// Labels, most frequent first (ties by name).
    var labelsByCount: [(label: String, count: Int)] {
        labelCounts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    func topEntities(_ label: String, _ limit: Int) -> [EntityCount] {
        (entityCounts[label] ?? [:]).values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(limit).map { $0 }
    }

    func topKeywords(_ limit: Int) -> [(keyword: String, count: Int)] {
        keywordCounts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map { $0 }
    }
}
