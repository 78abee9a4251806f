import Testing
@testable import TextPipelineStages

/// The matcher folds and hashes ASCII tokens in one pass; that must agree with how the
/// compiler hashes the folded keys it stores, or lookups silently miss.
@Suite struct KeyHashTests {
    @Test func fusedASCIIFoldAndHashAgreesWithTheCompilersKeys() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019'-._ Q".utf8)
        var normalizer = KeyNormalizer()
        for length in 0 ... 40 {
            for _ in 0 ..< 20 {
                let token = (0 ..< length).map { _ in alphabet.randomElement(using: &generator)! }
                let folded = normalizer.form(.key, of: token)
                let fused = token.withUnsafeBufferPointer { GazetteerMatcher.asciiKey($0) }
                let expected = folded.withUnsafeBufferPointer { (keyHash($0), VocabularyKey.prefix(of: $0)) }
                #expect(fused?.hash == expected.0, "\(String(decoding: token, as: UTF8.self))")
                #expect(fused?.prefix == expected.1)
            }
        }
    }

    @Test func nonASCIITokensAreLeftToICU() {
        let token = Array("Zürich".utf8)
        #expect(token.withUnsafeBufferPointer { GazetteerMatcher.asciiKey($0) } == nil)
    }

    @Test func keysDifferingInOneByteHashApart() {
        let a = Array("abcdefghij".utf8), b = Array("abcdefghik".utf8), c = Array("abcdefghij\0".utf8)
        let hashes = [a, b, c].map { $0.withUnsafeBufferPointer { keyHash($0) } }
        #expect(Set(hashes).count == 3)
    }
}
