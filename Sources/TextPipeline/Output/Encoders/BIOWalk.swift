/// Walks tokens in order and gives each its BIO tag from an entity layer.
///
/// An entity that starts inside an earlier one (or where an earlier one
/// starts) is skipped: BIO tags cannot nest or overlap.
struct BIOWalk {
    enum Tag: Equatable {
        case outside
        case begin(EntityLabel)
        case inside(EntityLabel)
    }

    private let entities: EntityLayer
    private var next = 0
    private var current: Range<Int>?
    private var label = EntityLabel.miscellaneous

    init(entities: EntityLayer) { self.entities = entities }

    /// The tag of token `index`; call with ascending indices.
    mutating func tag(of index: Int) -> Tag {
        if let range = current, index >= range.upperBound { current = nil }
        if current == nil {
            while next < entities.count, entities.tokenRange(next).lowerBound < index { next += 1 }
            if next < entities.count, entities.tokenRange(next).lowerBound == index {
                current = entities.tokenRange(next)
                label = entities.labels[next]
                next += 1
                return .begin(label)
            }
            return .outside
        }
        return .inside(label)
    }
}
