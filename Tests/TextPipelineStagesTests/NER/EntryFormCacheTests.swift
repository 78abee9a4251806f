import Testing
import TextPipeline

@testable import TextPipelineStages

/// The matcher normalises an entry's stored pieces once per worker (``EntryFormCache``): every
/// answer must be the one ``KeyNormalizer`` gives, whether it comes from ICU or from the cache.
@Suite struct EntryFormCacheTests {
    /// Pieces laid out in one buffer, as an entry's forms lie in a mapped gazetteer: (offset, length).
    static let text = Array("Saïd\u{1F}Straße\u{1F}ÉLYSÉE\u{1F}ＡＢＣ\u{1F}said".utf8)

    static func pieces() -> [Range<Int>] {
        var ranges: [Range<Int>] = [], start = 0
        for (index, byte) in text.enumerated() where byte == 0x1F {
            ranges.append(start ..< index)
            start = index + 1
        }
        return ranges + [start ..< text.count]
    }

    @Test(arguments: [KeyNormalizer.Form.nfc, .caseFolded])
    func givesTheNormalisersFormOnEveryCall(_ form: KeyNormalizer.Form) {
        var cache = EntryFormCache()
        var normalizer = KeyNormalizer()
        Self.text.withUnsafeBufferPointer { text in
            for _ in 0 ..< 3 {
                for range in Self.pieces() {
                    let piece = UnsafeBufferPointer(rebasing: text[range])
                    let expected = normalizer.withForm(form, of: piece) { Array($0) }
                    #expect(cache.withForm(form, of: piece) { Array($0) } == expected, "\(range) \(form)")
                }
            }
        }
    }

    /// A piece is known by address and length: a shorter piece at the same address ("Sa" in
    /// "Saïd") and the same piece in the other form are different pieces.
    @Test func tellsPiecesAtOneAddressApartByLengthAndForm() {
        var cache = EntryFormCache()
        Self.text.withUnsafeBufferPointer { text in
            let whole = UnsafeBufferPointer(rebasing: text[0 ..< 5]), start = UnsafeBufferPointer(rebasing: text[0 ..< 2])
            #expect(cache.withForm(.caseFolded, of: whole) { Array($0) } == Array("saïd".utf8))
            #expect(cache.withForm(.caseFolded, of: start) { Array($0) } == Array("sa".utf8))
            #expect(cache.withForm(.nfc, of: whole) { Array($0) } == Array("Saïd".utf8))
            #expect(cache.withForm(.caseFolded, of: whole) { Array($0) } == Array("saïd".utf8))
        }
    }

    /// "said" has the key of the first name "Saïd" (marks are stripped from keys), so every
    /// "said" is verified against the entry, in one article and the next: none may match, and
    /// the name written in capitals still does.
    @Test func repeatedVerificationKeepsItsAnswer() throws {
        let pipeline = try NERFixture.pipeline("Saïd\tPER\nStraße\tLOC", options: "rules: none")
        for _ in 0 ..< 2 {
            let found = try NERFixture.entities("He said it, she said it, SAÏD and Saïd said. Strasse, STRASSE, Straße.", pipeline)
            #expect(found.map(\.text) == ["SAÏD", "Saïd", "Strasse", "STRASSE", "Straße"])
        }
    }
}
