/// One encoded output record, handed from a worker to the ``RecordWriter`` in input order.
///
/// Stream formats write ``bytes`` as they are. A folder format may split its
/// record into parts (brat: the `.txt`, then the `.ann`), marked with
/// ``beginPart()``, and may attach a ``summary`` for an index page.
public struct EncodedRecord: Sendable {
    /// The record's bytes, all parts back to back.
    public var buffer: JSONBuffer
    /// Where each part after the first begins in ``bytes``.
    public private(set) var partStarts: [Int] = []
    /// Whether this is an error record.
    public var isError = false
    /// The size of the input record it came from (for progress).
    public var inputBytes = 0
    /// ``RecordDigest`` of the input record it came from (see ``RawRecord/digest``), for the resume journal.
    public var inputDigest: UInt64 = 0
    /// The id of the article, for formats that name files after it.
    public var id: ArticleID = .string("")
    /// What an index page shows of the record; only formats that build one set it.
    public var summary: RecordSummary?

    /// An empty record with room for `capacity` bytes.
    public init(capacity: Int = 1024) { buffer = JSONBuffer(capacity: capacity) }

    /// The encoded bytes of every part, in order.
    public var bytes: [UInt8] { buffer.bytes }

    /// Starts the next part at the current end of ``bytes``.
    public mutating func beginPart() { partStarts.append(buffer.bytes.count) }

    /// The bytes of part `index` (0 is the first).
    public func part(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : partStarts[index - 1]
        let end = index < partStarts.count ? partStarts[index] : buffer.bytes.count
        return buffer.bytes[start ..< end]
    }
}

/// What an index over many records needs of one: title, entities and keywords.
public struct RecordSummary: Sendable, Equatable {
    /// One entity as an index shows it.
    public struct Entity: Sendable, Equatable {
        /// The entity's text.
        public var text: String
        /// The entity's label (`PER`, `LOC`, ...).
        public var label: String
        /// The entity's canonical id, if any.
        public var canonicalID: String?
        /// An entity summary.
        public init(text: String, label: String, canonicalID: String?) {
            self.text = text
            self.label = label
            self.canonicalID = canonicalID
        }
    }

    /// The article's title, if it had one.
    public var title: String?
    /// The article's entities, in text order.
    public var entities: [Entity] = []
    /// The article's keywords, best first.
    public var keywords: [String] = []
    /// `kind: message` for an error record.
    public var error: String?

    /// A summary with only a title; the encoder adds the rest.
    public init(title: String? = nil) { self.title = title }
}

/// The old name of ``EncodedRecord``.
public typealias EncodedLine = EncodedRecord
