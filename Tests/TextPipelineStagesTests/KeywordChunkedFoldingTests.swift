import Testing

@testable import TextPipelineStages

/// The 8-byte-chunk fast paths of the keyword stages give exactly what the byte
/// loops give: folded form, hash, surface length, letter flags and class.
@Suite struct KeywordChunkedFoldingTests {
    static let words = [
        "a", "I", "US", "U.S", "the", "The", "THE", "McDonald", "iPhone", "long-awaited", "Reuters's", "Kim's", "it's", "'s",
        "abcdefgh", "ABCDEFGH", "Abcdefghi", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz0123456789",
        "1987", "3.5", "+1-2", "a1b2", "--", "..", "@#", "x.y.z.", "O'Neil", "don't",
        "Abcdefgh's", "abcdefghij's", "ABCDEFGHIJKLMNOP", "abcdefghijklmno-", "Abcdefghijklmn'S", "naïve", "Élysée", "ÉLYSÉE", "Peña's", "Kim’s", "北京",
        "Zürich", "AT&T", "e-mail", "`", "~~~", "Z[", "@A",
    ]

    /// `word`'s bytes followed by other bytes up to the next multiple of 8, exactly
    /// what the chunked paths may read: a read past it fails under AddressSanitizer.
    static func padded(_ word: String) -> [UInt8] {
        let bytes = Array(word.utf8)
        let padding = Array("Xy\"Zq\u{7F}9!".utf8)
        return bytes + padding.prefix((8 - bytes.count % 8) % 8)
    }

    @Test(arguments: words)
    func chunkedFoldMatchesTheByteLoop(_ word: String) {
        let bytes = Self.padded(word)
        let count = word.utf8.count
        bytes.withUnsafeBufferPointer { all in
            let form = UnsafeBufferPointer(rebasing: all[0 ..< count])
            let slow = FoldBuffer()
            let fast = FoldBuffer()
            var slowLetters = TermFolding.Letters()
            var fastLetters = TermFolding.Letters()
            let expected = TermFolding.fold(form, into: slow.reserve(count), letters: &slowLetters)
            let found = TermFolding.fold(readingChunks: form, into: fast.reserve(count), letters: &fastLetters)
            #expect(found == expected)
            #expect(
                Array(UnsafeBufferPointer(start: fast.pointer, count: found.count)) == Array(UnsafeBufferPointer(start: slow.pointer, count: expected.count)))
            #expect(fastLetters.hasUpper == slowLetters.hasUpper)
            #expect(fastLetters.hasLower == slowLetters.hasLower)
            #expect(fastLetters.firstIsUpper == slowLetters.firstIsUpper)
            #expect(fastLetters.allLetters == word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic })
        }
    }

    /// A form the chunked fold finds to be letters only is classified as ``FormClass`` would.
    @Test(arguments: words)
    func allLettersIsTheClassOfTheForm(_ word: String) {
        let bytes = Self.padded(word)
        let count = word.utf8.count
        bytes.withUnsafeBufferPointer { all in
            let buffer = FoldBuffer()
            var letters = TermFolding.Letters()
            let found = TermFolding.fold(readingChunks: UnsafeBufferPointer(rebasing: all[0 ..< count]), into: buffer.reserve(count), letters: &letters)
            guard letters.allLetters else { return }
            let form = FormClass.classify(readingChunks: UnsafeBufferPointer(start: buffer.pointer, count: found.count))
            #expect(form.characters == found.count)
            #expect(!form.isNumericOrUnusual)
        }
    }

    @Test(arguments: words)
    func chunkedClassMatchesTheByteLoops(_ word: String) {
        var folded: [UInt8] = []
        _ = Array(word.utf8).withUnsafeBufferPointer { TermFolding.fold($0, toArray: &folded) }
        let padded = folded + Array("Xy\"Zq\u{7F}9!".utf8)
        padded.withUnsafeBufferPointer { all in
            let form = UnsafeBufferPointer(rebasing: all[0 ..< folded.count])
            let found = FormClass.classify(readingChunks: form)
            #expect(found.characters == FormClass.characterCount(form))
            #expect(found.isNumericOrUnusual == FormClass.isNumericOrUnusual(form))
        }
    }

    @Test func everyASCIIByteIsClassifiedAsTheByteLoopDoes() {
        for byte in UInt8(0x20) ..< 0x80 {
            for form in [[byte], [0x61, byte, 0x62], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, byte, byte]] {
                let padded = form + [UInt8](repeating: 0x2D, count: 8)
                padded.withUnsafeBufferPointer { all in
                    let folded = UnsafeBufferPointer(rebasing: all[0 ..< form.count])
                    let found = FormClass.classify(readingChunks: folded)
                    #expect(found.characters == FormClass.characterCount(folded), "byte \(byte)")
                    #expect(found.isNumericOrUnusual == FormClass.isNumericOrUnusual(folded), "byte \(byte)")
                }
            }
        }
    }
}
