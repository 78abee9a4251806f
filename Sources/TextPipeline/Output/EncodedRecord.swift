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

    public init(capacity: Int = 1024) { buffer = JSONBuffer(capacity: capacity) }

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
    public struct Entity: Sendable, Equatable {
        public var text: String
        public var label: String
        public var canonicalID: String?
        public init(text: String, label: String, canonicalID: String?) {
            self.text = text
            self.label = label
            self.canonicalID = canonicalID
        }
    }

    public var title: String?
    public var entities: [Entity] = []
    public var keywords: [String] = []
    /// `kind: message` for an error record.
    public var error: String?

    public init(title: String? = nil) { self.title = title }
}

/// The old name of ``EncodedRecord``.
public typealias EncodedLine = EncodedRecord
