/// One gazetteer match over tokens `start ..< end`.
public struct GazetteerMatch: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Index of the gazetteer in the stage's list.
    public var gazetteer: Int
    /// Entry index in that gazetteer.
    public var entry: Int
    public var label: GazetteerLabel
    public var kind: EntryKind
    public var priority: Int16
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
