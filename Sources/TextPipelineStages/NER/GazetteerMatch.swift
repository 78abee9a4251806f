/// One gazetteer match over tokens `start ..< end`.
public struct GazetteerMatch: Sendable, Equatable {
    /// The first token of the match.
    public var start: Int
    /// The token just past the match.
    public var end: Int
    /// Index of the gazetteer in the stage's list.
    public var gazetteer: Int
    /// Entry index in that gazetteer.
    public var entry: Int
    /// The entry's label.
    public var label: GazetteerLabel
    /// Whether the entry is an entity or a hint for the rules.
    public var kind: EntryKind
    /// The entry's priority; higher wins when two entries cover the same tokens.
    public var priority: Int16
    /// The number of tokens matched.
    public var length: Int { end - start }

    /// The matched entry, whose canonical id the entity takes.
    var reference: EntryReference { EntryReference(gazetteer: gazetteer, entry: entry) }
}

/// An entry of one of a stage's gazetteers: how a match refers to its canonical id until
/// the entity layer is written (with the id's place in the mapped file).
/// `entry` is as read from the file: a corrupted file may hold any value there, which
/// ``CompiledGazetteer/canonicalIDLocation(ofEntry:)`` checks.
struct EntryReference: Equatable {
    var gazetteer: Int
    var entry: Int
}
