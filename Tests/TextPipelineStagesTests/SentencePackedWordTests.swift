import Testing

@testable import TextPipelineStages

/// `PackedWord(lowercasing:)`: the key of every word-list look-up in the sentence splitter.
@Suite struct SentencePackedWordTests {
    private func packed(_ bytes: [UInt8]) -> PackedWord? {
        bytes.withUnsafeBufferPointer { PackedWord(lowercasing: $0) }
    }

    @Test func capitalsFoldInBothHalvesOfAFifteenByteWord() {
        #expect(packed(Array("AbCdEfGhIjKlMnZ".utf8)) == packed(Array("abcdefghijklmnz".utf8)))
        #expect(packed(Array("Hence".utf8)) == packed(Array("hENCE".utf8)))
        #expect(packed(Array("@[`{".utf8)) != packed(Array("`{@[".utf8)))
    }

    @Test func bytesFromC3UpAreNotFoldedAsIfTheyWereASCIICapitals() {
        // 0xC3 is 'C' | 0x80: folding it would turn "É" (C3 89) into the bytes E3 89.
        #expect(packed([0xC3, 0x89]) != packed([0xE3, 0x89]))
        #expect(packed(Array("Éte".utf8)) != packed(Array("éte".utf8)))
    }

    @Test func lengthIsPartOfTheKeyAndBoundsTheWord() {
        #expect(packed([0x61]) != packed([0x61, 0x00]))
        #expect(packed([]) == nil)
        #expect(packed(Array(repeating: 0x61, count: 16)) == nil)
        #expect(packed(Array(repeating: 0x41, count: 15)) == packed(Array(repeating: 0x61, count: 15)))
    }
}
