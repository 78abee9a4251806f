import Testing
import TextPipeline

/// Offsets are kept as UTF-8 bytes and converted for output; every unit must
/// agree with how Python (code points), JavaScript (UTF-16) and byte slicing count.
@Suite struct OffsetConverterTests {
    static let samples = [
        "plain ASCII text",
        "abcdefgh\u{E9}",
        "emoji 👍🏽 and flags 🇰🇷 and family 👨‍👩‍👧",
        "combining e\u{0301}te\u{0301} marks",
        "CJK 北京市 and かな カタカナ",
        "right to left: שלום עולם and مرحبا",
        "windows\r\nline\r\nends",
        "U+2028\u{2028}and vertical\u{0B}tab",
    ]

    @Test("every scalar boundary converts to the count of scalars and UTF-16 units before it", arguments: samples)
    func roundTrip(text: String) {
        let bytes = Array(text.utf8)
        var scalars = OffsetConverter(utf8: bytes, unit: .codepoint)
        var utf16 = OffsetConverter(utf8: bytes, unit: .utf16)
        var identity = OffsetConverter(utf8: bytes, unit: .utf8)
        var byteOffset = 0
        var scalarOffset = 0
        var utf16Offset = 0
        for scalar in text.unicodeScalars {
            #expect(scalars.convert(byteOffset) == scalarOffset)
            #expect(utf16.convert(byteOffset) == utf16Offset)
            #expect(identity.convert(byteOffset) == byteOffset)
            byteOffset += UTF8.width(scalar)
            scalarOffset += 1
            utf16Offset += UTF16.width(scalar)
        }
        #expect(scalars.convert(bytes.count) == text.unicodeScalars.count)
        #expect(utf16.convert(bytes.count) == text.utf16.count)
    }

    /// Long steps take the eight-bytes-at-a-time path; every step length from 0 to 40 bytes is tried.
    @Test("long steps between offsets count as scalar by scalar", arguments: [.codepoint, .utf16] as [OffsetUnit])
    func longSteps(unit: OffsetUnit) {
        let text = Self.samples.joined(separator: " ¶ ")
        let bytes = Array(text.utf8)
        var boundaries: [(byte: Int, scalars: Int, utf16: Int)] = [(0, 0, 0)]
        for scalar in text.unicodeScalars {
            let last = boundaries[boundaries.count - 1]
            boundaries.append((last.byte + UTF8.width(scalar), last.scalars + 1, last.utf16 + UTF16.width(scalar)))
        }
        for stride in 1 ... 40 {
            var converter = OffsetConverter(utf8: bytes, unit: unit)
            var next = 0
            for boundary in boundaries where boundary.byte >= next {
                #expect(converter.convert(boundary.byte) == (unit == .utf16 ? boundary.utf16 : boundary.scalars), "stride \(stride)")
                next = boundary.byte + stride
            }
        }
    }

    /// A step of thousands of bytes sums its byte lanes in rounds (a lane must stay below 256).
    @Test("a step over thousands of multi-byte characters counts them all", arguments: [.codepoint, .utf16] as [OffsetUnit])
    func stepsOverThousandsOfCharacters(unit: OffsetUnit) {
        let text = String(repeating: "é北👍", count: 1000) + "x"
        var converter = OffsetConverter(utf8: Array(text.utf8), unit: unit)
        #expect(converter.convert(text.utf8.count) == (unit == .utf16 ? text.utf16.count : text.unicodeScalars.count))
    }

    @Test("\\r\\n counts as two code points, as in Python")
    func crlfIsTwoCodePoints() {
        let bytes = Array("a\r\nb".utf8)
        var converter = OffsetConverter(utf8: bytes, unit: .codepoint)
        #expect(converter.convert(3) == 3)
    }

    @Test("an astral emoji is one code point but two UTF-16 units")
    func astralScalar() {
        let bytes = Array("😀x".utf8)
        var scalars = OffsetConverter(utf8: bytes, unit: .codepoint)
        var utf16 = OffsetConverter(utf8: bytes, unit: .utf16)
        #expect(scalars.convert(4) == 1)
        #expect(utf16.convert(4) == 2)
    }

    @Test("offsets may be converted in any order")
    func descendingOffsets() {
        var converter = OffsetConverter(utf8: Array("ééé x".utf8), unit: .codepoint)
        #expect(converter.convert(7) == 4)
        #expect(converter.convert(2) == 1)
        #expect(converter.convert(6) == 3)
    }
}
