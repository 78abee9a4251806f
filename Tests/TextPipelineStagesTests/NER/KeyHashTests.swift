import Testing

@testable import TextPipelineStages

/// The matcher folds and hashes ASCII tokens in one pass; that must agree with how the
/// compiler hashes the folded keys it stores, or lookups silently miss.
@Suite struct KeyHashTests {
    /// Every printable ASCII byte (the neighbours of A and Z included), tokens of every length
    /// up to 40, with other bytes (capitals, non-ASCII) before and after the token in the text,
    /// which the word-at-a-time loads read and must mask off; and tokens at the very end of it.
    @Test func fusedASCIIFoldAndHashAgreesWithTheCompilersKeys() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(0x20 ... 0x7E).map(UInt8.init)
        let surroundings = Array("QZ\u{C3}\u{BC}[@".utf8)
        var normalizer = KeyNormalizer()
        for length in 0 ... 40 {
            for trailing in [0, 1, 3, 9] {
                let token = (0 ..< length).map { _ in alphabet.randomElement(using: &generator)! }
                let before = (0 ..< 3).map { _ in surroundings.randomElement(using: &generator)! }
                let after = (0 ..< trailing).map { _ in surroundings.randomElement(using: &generator)! }
                let text = before + token + after
                let folded = normalizer.form(.key, of: token)
                let fused = text.withUnsafeBufferPointer { GazetteerMatcher.asciiKey(in: $0, 3 ..< 3 + length) }
                let expected = folded.withUnsafeBufferPointer { (keyHash($0), VocabularyKey.prefix(of: $0), VocabularyKey.middle(of: $0)) }
                #expect(fused?.hash == expected.0, "\(String(decoding: token, as: UTF8.self))")
                #expect(fused?.prefix == expected.1)
                #expect(fused?.middle == expected.2)
            }
        }
    }

    /// At the end of the text (byte by byte) and followed by more text (the two-word path of short tokens).
    @Test func nonASCIITokensAreLeftToICU() {
        for token in ["Zürich", "ZüricherSeeUferweg", "abcdefgh\u{E9}", "\u{E9}", "abcdefghijklmno\u{E9}"] {
            for padding in ["", " and a long enough tail"] {
                let text = Array((token + padding).utf8)
                #expect(text.withUnsafeBufferPointer { GazetteerMatcher.asciiKey(in: $0, 0 ..< token.utf8.count) } == nil, "\(token)")
            }
        }
    }

    @Test func keysDifferingInOneByteHashApart() {
        let a = Array("abcdefghij".utf8), b = Array("abcdefghik".utf8), c = Array("abcdefghij\0".utf8)
        let hashes = [a, b, c].map { $0.withUnsafeBufferPointer { keyHash($0) } }
        #expect(Set(hashes).count == 3)
    }
}
