import Testing
import TextPipeline

/// `ResourceChecksum.of(_:)` is the stable checksum stages report for their files.
@Suite struct ResourceChecksumTests {
    /// FNV-1a 64 test vectors (the offset basis for no bytes; "a" and "foobar" from the reference tables).
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func knownVectors(text: String, expected: String) {
        #expect(ResourceChecksum.of(text.utf8) == expected)
    }

    @Test func isSixteenHexDigitsWithLeadingZeros() {
        // Any input: always 16 lowercase hex digits, so checksums compare as strings.
        for text in ["", "x", "lexicon\tword\t0.5\n", String(repeating: "z", count: 1000)] {
            let checksum = ResourceChecksum.of(text.utf8)
            #expect(checksum.count == 16)
            #expect(checksum.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}
