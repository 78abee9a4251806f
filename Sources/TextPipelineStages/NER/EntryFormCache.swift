/// The normalised forms of gazetteer entry pieces (one token of an entry's stored forms), kept
/// across documents by a worker's matcher so that each piece is normalised by ICU once, not at
/// every match it is verified against ("said" matches the first name "Saïd" by key, thousands of
/// times in a corpus).
///
/// A piece is known by where it lies in its mapped gazetteer (which the matcher keeps alive) and
/// its length, so the table holds no copy of the entry's bytes. Not thread-safe: each worker owns one.
struct EntryFormCache {
    /// Per piece (``KeyHash/finish(_:)`` of ``pieceKey(_:_:)``, a bijection, so keys never collide):
    /// where its form lies in ``pool``.
    private var table = WordHashMap<(offset: Int32, length: Int32)>()
    private var pool: [UInt8] = []
    private var normalizer = KeyNormalizer()

    /// The pool's size past which the cache starts again (bounds its memory on very large gazetteers).
    static let poolLimit = 1 << 20

    /// Calls `body` with `piece` (entry bytes in a mapped gazetteer) in `form`, normalising it only
    /// the first time; the same result as ``KeyNormalizer/withForm(_:of:_:)``.
    mutating func withForm<R>(
        _ form: KeyNormalizer.Form, of piece: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        guard let raw = Self.pieceKey(piece, form) else { return normalizer.withForm(form, of: piece, body) }
        let key = KeyHash.finish(raw)
        let location: (offset: Int32, length: Int32)
        if let known = table[key] {
            location = known
        } else {
            location = normalizer.withForm(form, of: piece) { normalized in
                if pool.count + normalized.count > Self.poolLimit {
                    pool.removeAll(keepingCapacity: true)
                    table.removeAll(reservingCapacity: 0)
                }
                let offset = Int32(pool.count)
                pool.append(contentsOf: normalized)
                return (offset, Int32(normalized.count))
            }
            table.update(key, initial: location) { _ in }
        }
        return pool.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(location.offset) ..< Int(location.offset + location.length)])) }
    }

    /// The piece's address, length and form packed into one word, or nil when they do not fit
    /// (an address of 2^47 or more, a piece of 2^16 bytes or more, or an empty piece).
    private static func pieceKey(_ piece: UnsafeBufferPointer<UInt8>, _ form: KeyNormalizer.Form) -> UInt64? {
        guard let base = piece.baseAddress, piece.count < 1 << 16, form != .key else { return nil }
        let address = UInt64(UInt(bitPattern: base))
        guard address < 1 << 47 else { return nil }
        return address << 17 | UInt64(piece.count) << 1 | (form == .nfc ? 0 : 1)
    }
}
