/// The match keys of the non-ASCII tokens a worker's matcher has folded, kept across documents so
/// that ICU folds each distinct token once, not at every occurrence: curly quotes, dashes and
/// accented names recur in every article, and folding one through ICU costs about two thousand
/// instructions, a lookup here about a hundred.
///
/// A token is known by ``keyHash(_:)`` of its raw bytes; a hit is confirmed by comparing the bytes,
/// so a hash collision costs a fold, never a wrong key. Not thread-safe: each worker owns one.
struct FoldedKeyCache {
    /// A folded key's ``keyHash(_:)``, ``VocabularyKey/prefix(of:)`` and ``VocabularyKey/middle(of:)``.
    typealias Summary = (hash: UInt64, prefix: UInt64, middle: UInt32)

    /// Where a token's raw bytes lie in ``pool`` (its folded key follows them), and its key's summary.
    private struct Entry {
        var offset: Int32
        var tokenLength: Int32
        var keyLength: Int32
        var summary: Summary
    }

    private var table = WordHashMap<Entry>()
    /// Per token: its raw bytes, then its folded key.
    private var pool: [UInt8] = []
    /// The pool's size past which the cache starts again (bounds its memory on unusual text).
    let poolLimit: Int

    init(poolLimit: Int = 1 << 18) {
        self.poolLimit = poolLimit
    }

    /// Appends the match key of `token` (raw bytes holding a non-ASCII byte) to `keys` and returns
    /// its summary: the same bytes and values as `normalizer` folding it in form ``KeyNormalizer/Form/key``,
    /// which folds it only the first time (and again after the cache starts again).
    mutating func appendKey(of token: UnsafeBufferPointer<UInt8>, to keys: inout [UInt8], normalizer: inout KeyNormalizer) -> Summary {
        let tokenHash = keyHash(token)
        if let known = table[tokenHash], holds(known, token) {
            let keyStart = Int(known.offset + known.tokenLength)
            pool.withUnsafeBufferPointer { keys.append(contentsOf: $0[keyStart ..< keyStart + Int(known.keyLength)]) }
            return known.summary
        }
        let keyStart = keys.count
        let summary = normalizer.withForm(.key, of: token) { key in
            keys.append(contentsOf: key)
            return (keyHash(key), VocabularyKey.prefix(of: key), VocabularyKey.middle(of: key))
        }
        if table[tokenHash] == nil { remember(token, tokenHash, keys[keyStart...], summary) }
        return summary
    }

    /// Whether `entry` is the entry of `token` (not another token with the same hash).
    private func holds(_ entry: Entry, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.tokenLength) == token.count else { return false }
        return pool.withUnsafeBufferPointer { pool in
            pool[Int(entry.offset) ..< Int(entry.offset) + token.count].elementsEqual(token)
        }
    }

    /// Stores `token` and its folded `key`, first emptying the cache when the pool would pass ``poolLimit``.
    private mutating func remember(_ token: UnsafeBufferPointer<UInt8>, _ tokenHash: UInt64, _ key: ArraySlice<UInt8>, _ summary: Summary) {
        if pool.count + token.count + key.count > poolLimit {
            pool.removeAll(keepingCapacity: true)
            table.removeAll(reservingCapacity: 0)
            guard token.count + key.count <= poolLimit else { return }
        }
        let entry = Entry(offset: Int32(pool.count), tokenLength: Int32(token.count), keyLength: Int32(key.count), summary: summary)
        pool.append(contentsOf: token)
        pool.append(contentsOf: key)
        table.insertIfAbsent(tokenHash, entry)
    }
}
