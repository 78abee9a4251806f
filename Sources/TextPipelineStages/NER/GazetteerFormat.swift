/// The layout of compiled gazetteer files (`.tpg`), version 6. Little-endian.
///
/// ```
/// 0   magic "TPGAZET\0"          8 bytes
/// 8   format version (UInt32)    = 6
/// 12  section count (UInt32)
/// 16  file length (UInt64)       must equal the file's size
/// 24  checksum (UInt64)          ``GazetteerFormat/checksum(_:)`` of bytes 32..<length
/// 32  entry count, node count, vocabulary count, edge slot count (UInt32 each)
/// 48  source checksum (UInt64)   identifies the sources the file was built from
/// 56  reserved (UInt64)
/// 64  section table: per section kind, element size (UInt32), offset, byte length (UInt64)
/// ... sections, each 8-byte aligned
/// ```
///
/// Sections (see ``Section``) hold a token vocabulary (open-addressing hash
/// table over folded token keys), a token trie stored as an open-addressing
/// table of edges `(parent node, token id) → child node` (flagged, see
/// ``GazetteerFormat/hasOutputs``), the entries reached
/// at each node, and the entries themselves with their strings.
enum GazetteerFormat {
    static let magic: [UInt8] = Array("TPGAZET".utf8) + [0]
    /// 2: vocabulary buckets carry the key's length and first eight bytes (version 1 had tag and id only).
    /// 3: an edge filter (``Section/edgeFilter``); ``keyHash(_:)`` mixes eight bytes at a time (was FNV-1a).
    /// 4: vocabulary buckets carry the root's child along their token and that child's
    /// ``childSignature(token:)`` (a separate root-children section before).
    /// 5: vocabulary buckets carry the key's bytes 8 ..< 12 (``VocabularyKey/middle(of:)``).
    /// 6: a vocabulary filter (``Section/vocabularyFilter``).
    static let version: UInt32 = 6
    static let headerSize = 64
    static let sectionRecordSize = 24
    static let checksummedFrom = 32

    /// Section kinds; each appears exactly once.
    enum Section: UInt32, CaseIterable {
        /// [UInt64] quadruples (32-byte buckets), a power-of-two number of them, 0 = empty. Word 0 is
        /// `(hash >> 40) << 40 | min(key length, 255) << 32 | (vocabulary id + 1)`; word 1 holds the
        /// key's first eight bytes, little-endian, zero-padded (``VocabularyKey/prefix(of:)``); word 2
        /// the root's child along the token with its flags (low 32 bits; 0 when no entry starts with
        /// it) and the key's bytes 8 ..< 12 (high 32 bits, ``VocabularyKey/middle(of:)``); word 3 the
        /// OR of ``GazetteerFormat/childSignature(token:)`` over the tokens that follow that child.
        /// A key of at most twelve bytes is thus looked up, and its walk started and mostly ended,
        /// with one cache-line read; longer keys compare their remaining bytes in ``vocabularyPool``.
        case vocabularyBuckets = 1
        /// [UInt32] pairs: offset and length of each vocabulary key in ``vocabularyPool``.
        case vocabularySpans = 2
        /// Bytes of the folded keys.
        case vocabularyPool = 3
        /// [UInt32] triples `(parent, token, child)`; child 0 = empty slot. Power-of-two slot count.
        case edges = 4
        /// [UInt32], node count + 1 ascending offsets into ``outputs``.
        case outputStarts = 5
        /// [UInt32] pairs, best first for each node: entry index, and a copy of the entry's word 3
        /// (label, policy, kind, priority), so a match is classified without reading the entry.
        case outputs = 6
        /// [UInt32] quadruples per entry, see ``EntryRecord``.
        case entries = 7
        /// Bytes: entry token forms (NFC, separated by 0x1F).
        case strings = 8
        /// Bytes: canonical ids, each stored once.
        case identifiers = 9
        /// [UInt64] bit set over vocabulary ids: the token occurs after the first token of some entry.
        /// Tokens outside it end a walk without a probe of the edge table.
        case continuations = 11
        /// [UInt64] bit set, a power-of-two number of bits (at least 16 per edge): the bit
        /// ``GazetteerFormat/edgeFilterBit(parent:token:mask:)`` of every edge is set. A clear
        /// bit proves the edge absent, so most failed steps never touch the (large) edge table.
        case edgeFilter = 12
        /// [UInt64] words, a power-of-two number of them (at least 8 bits per vocabulary key): each
        /// key sets the bits ``GazetteerFormat/vocabularyFilterBits(hash:)`` of word
        /// ``GazetteerFormat/vocabularyFilterWord(hash:mask:)``. A clear bit proves a token absent, so
        /// the tokens of a text that are in no entry (about half) never touch the (large) buckets.
        case vocabularyFilter = 13

        var elementSize: Int {
            switch self {
            case .vocabularyBuckets, .continuations, .edgeFilter, .vocabularyFilter: 8
            case .vocabularySpans, .edges, .outputStarts, .outputs, .entries: 4
            case .vocabularyPool, .strings, .identifiers: 1
            }
        }
    }

    /// Child references (in ``Section/edges`` and ``Section/vocabularyBuckets``) carry two flags above the node number,
    /// so a walk reads the output table and probes for children only when there is something there.
    static let hasOutputs: UInt32 = 1 << 31
    static let hasChildren: UInt32 = 1 << 30
    static let nodeMask: UInt32 = (1 << 30) - 1

    /// 1 when child reference `reference` has `flag` (``hasOutputs`` or ``hasChildren``), else 0,
    /// computed without a branch.
    @inline(__always)
    static func flag(_ flag: UInt32, of reference: UInt32) -> Int {
        Int(truncatingIfNeeded: (reference & flag) >> UInt32(flag.trailingZeroBitCount))
    }

    /// The token separator inside an entry's stored form.
    static let tokenSeparator: UInt8 = 0x1F

    /// The slot where the search for edge `(parent, token)` starts.
    @inline(__always)
    static func edgeSlot(parent: UInt32, token: UInt32, mask: Int) -> Int {
        edgeSlot(hash: edgeHash(parent: parent, token: token), mask: mask)
    }

    /// ``edgeSlot(parent:token:mask:)`` from the edge's ``edgeHash(parent:token:)``.
    @inline(__always)
    static func edgeSlot(hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash) & mask }

    /// The bit of ``Section/edgeFilter`` (a bit number below `mask + 1`) that edge `(parent, token)` sets:
    /// drawn from the hash's high half, independent of its slot.
    @inline(__always)
    static func edgeFilterBit(parent: UInt32, token: UInt32, mask: Int) -> Int {
        edgeFilterBit(hash: edgeHash(parent: parent, token: token), mask: mask)
    }

    /// ``edgeFilterBit(parent:token:mask:)`` from the edge's ``edgeHash(parent:token:)``.
    @inline(__always)
    static func edgeFilterBit(hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 32) & mask }

    /// The word of ``Section/vocabularyFilter`` (below `mask + 1`) where a key of ``keyHash(_:)``
    /// `hash` sets its bits: drawn from the hash's bits 32 and up, independent of its bucket and bits.
    @inline(__always)
    static func vocabularyFilterWord(hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 32) & mask }

    /// The two bits (one when they coincide) a key of ``keyHash(_:)`` `hash` sets in its
    /// ``Section/vocabularyFilter`` word, drawn from the hash's bits 20 ..< 32.
    @inline(__always)
    static func vocabularyFilterBits(hash: UInt64) -> UInt64 {
        1 << (hash >> 20 & 63) | 1 << (hash >> 26 & 63)
    }

    /// The bit that token `token` sets in the child signature of a node it follows (one of 64):
    /// a clear bit in a root child's signature proves the step absent without a filter read.
    @inline(__always)
    static func childSignature(token: UInt32) -> UInt64 {
        1 << ((UInt64(token) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    @inline(__always)
    static func edgeHash(parent: UInt32, token: UInt32) -> UInt64 {
        var mixed = UInt64(parent) << 32 | UInt64(token)
        mixed = (mixed ^ (mixed >> 33)) &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 29
        return mixed
    }

    /// A 64-bit checksum of `bytes`, eight bytes at a time (not cryptographic).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var stream = ChecksumStream(totalCount: bytes.count)
        stream.feed(bytes)
        return stream.finish()
    }
}

/// One entry as stored: four UInt32 words.
///
/// word 0: offset of the token forms in `strings`; word 1: offset of the id in `identifiers`;
/// word 2: forms length (low 16 bits) and id length (high 16 bits);
/// word 3: label (bits 0–3), case policy (4–7), kind (8–11), forms all ASCII (12), priority + 32768 (16–31).
struct EntryRecord: Equatable {
    var formsOffset: UInt32
    var idOffset: UInt32
    var formsLength: UInt16
    var idLength: UInt16
    var label: UInt8
    var casePolicy: UInt8
    var kind: UInt8
    var priority: Int16
    /// Every stored form is ASCII, so case-insensitive matching needs no check beyond the key.
    var asciiForms: Bool
}

extension EntryRecord {
    /// Decodes the four stored words (the memberwise initialiser builds a record to store).
    init(words w0: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32) {
        formsOffset = w0
        idOffset = w1
        formsLength = UInt16(truncatingIfNeeded: w2)
        idLength = UInt16(truncatingIfNeeded: w2 >> 16)
        label = UInt8(w3 & 0xF)
        casePolicy = UInt8((w3 >> 4) & 0xF)
        kind = UInt8((w3 >> 8) & 0xF)
        asciiForms = (w3 >> 12) & 1 == 1
        priority = Int16(Int32(w3 >> 16) - 32768)
    }

    func appendWords(to words: inout [UInt32]) {
        words.append(formsOffset)
        words.append(idOffset)
        words.append(UInt32(formsLength) | UInt32(idLength) << 16)
        words.append(word3)
    }

    var word3: UInt32 {
        UInt32(label) | UInt32(casePolicy) << 4 | UInt32(kind) << 8 | (asciiForms ? 1 << 12 : 0) | UInt32(Int32(priority) + 32768) << 16
    }
}
