public import TextPipeline

/// How a keyword stage uses the entity layer written by an earlier stage.
///
/// With every field at its default the stage ignores entities and does not
/// require the `entities` layer.
public struct EntityPolicy: Sendable, Equatable {
    /// Recognised entities become candidates as a whole, whatever their length
    /// or stop words (`Bank of England`), and no other candidate overlaps one.
    public var wholeEntities = false
    /// Candidates that are exactly an entity have their goodness multiplied by this.
    public var boost = 1.0
    /// Candidates overlapping an entity with one of these labels are dropped.
    public var excludedLabels: Set<EntityLabel> = []
    /// With ``wholeEntities``: whether a word of a longer entity ("jong" of "Kim Jong Un") may be a
    /// one-word candidate where it stands outside an entity. One-word entities ("Kim") always may.
    public var nameParts = true

    /// A policy; the defaults ignore entities.
    public init(wholeEntities: Bool = false, boost: Double = 1.0, excludedLabels: Set<EntityLabel> = [], nameParts: Bool = true) {
        self.wholeEntities = wholeEntities
        self.boost = boost
        self.excludedLabels = excludedLabels
        self.nameParts = nameParts
    }

    /// Whether the stage reads entities, and so requires the layer.
    public var usesEntities: Bool { wholeEntities || boost != 1 || !excludedLabels.isEmpty }

    /// The longest entity, in words, kept whole as a candidate.
    static let maxEntityWords = 8
}
