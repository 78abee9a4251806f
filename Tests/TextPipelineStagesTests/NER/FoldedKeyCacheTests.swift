import Testing

@testable import TextPipelineStages

/// The matcher folds each distinct non-ASCII token once per worker (``FoldedKeyCache``): every
/// key it appends, and its summary, must be what folding the token with ``KeyNormalizer`` gives,
/// whether the answer comes from ICU or from the cache.
@Suite struct FoldedKeyCacheTests {
    static let tokens = ["Zürich", "’", "—", "ÉLYSÉE", "Straße", "“", "Saïd", "ＡＢＣ", "naïve-ish-and-longer-than-twelve"]

    /// Each token, its key as folded by ICU and that key's summary.
    static func expected(_ token: String) -> ([UInt8], UInt64, UInt64, UInt32) {
        var normalizer = KeyNormalizer()
        let key = normalizer.form(.key, of: Array(token.utf8))
        return key.withUnsafeBufferPointer { ($0.map { $0 }, keyHash($0), VocabularyKey.prefix(of: $0), VocabularyKey.middle(of: $0)) }
    }

    /// Three rounds over the tokens, appended after earlier keys; with a pool that holds them all
    /// and with one so small that the cache keeps starting again.
    @Test(arguments: [1 << 18, 24])
    func appendsTheNormalisersKeyOnEveryCall(_ poolLimit: Int) {
        var cache = FoldedKeyCache(poolLimit: poolLimit)
        var normalizer = KeyNormalizer()
        var keys: [UInt8] = [0x2A]
        for round in 0 ..< 3 {
            for token in Self.tokens {
                let (key, hash, prefix, middle) = Self.expected(token)
                let start = keys.count
                let summary = Array(token.utf8).withUnsafeBufferPointer {
                    cache.appendKey(of: $0, to: &keys, normalizer: &normalizer)
                }
                #expect(Array(keys[start...]) == key, "\(token), round \(round)")
                #expect(summary.hash == hash && summary.prefix == prefix && summary.middle == middle, "\(token), round \(round)")
            }
        }
        #expect(keys[0] == 0x2A)
    }
}
