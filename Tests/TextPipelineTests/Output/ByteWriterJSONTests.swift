import Foundation
import Testing

@testable import TextPipeline

/// The JSON values a ``ByteWriter`` writes (the JSON lines encoder's per-record
/// block) are byte for byte those of ``JSONBuffer``, within the stated bounds.
@Suite struct ByteWriterJSONTests {
    /// What the writer writes for `body`, reserving `maxCount` bytes.
    func written(atMost maxCount: Int, _ body: (inout ByteWriter) -> Void) -> String {
        var buffer = JSONBuffer()
        buffer.write(atMost: maxCount, body)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    func writtenString(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { text in written(atMost: ByteWriter.maxStringBytes(text.count)) { $0.string(text) } }
    }

    func bufferString(_ bytes: [UInt8]) -> String {
        var buffer = JSONBuffer()
        buffer.string(bytes)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Every ASCII byte, at every position of the eight-byte chunks and of the tail.
    @Test func everyASCIIByteAtEveryOffsetIsWrittenAsTheBufferWritesIt() {
        for value in UInt8(0) ..< 0x80 {
            for offset in 0 ..< 19 {
                var text = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                text[offset] = value
                #expect(writtenString(text) == bufferString(text), "byte \(value) at \(offset)")
            }
        }
    }

    @Test func escapesQuotesBackslashesControlsAndDelete() {
        let text = Array("say \"hi\"\\ now\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} and more words to fill chunks".utf8)
        #expect(writtenString(text) == #""say \"hi\"\\ now\n\r\t\b\f\u0001\u001f\u007f and more words to fill chunks""#)
    }

    /// Non-ASCII bytes, U+2028 and U+2029 included, are copied as they are, in chunks and in the tail.
    @Test func copiesNonASCIIAndLineSeparatorsAsTheyAre() {
        for prefix in 0 ..< 9 {
            let text = String(repeating: "x", count: prefix) + "naïve 北京 \u{2028}line\u{2029}para 👍 \"q\""
            #expect(writtenString(Array(text.utf8)) == bufferString(Array(text.utf8)), "prefix \(prefix)")
            #expect(writtenString(Array(text.utf8)).contains("\u{2028}line\u{2029}"))
        }
    }

    @Test func stringsFitTheirBoundEvenWhenEveryByteIsEscaped() {
        let text = [UInt8](repeating: 0x01, count: 21)
        #expect(writtenString(text) == "\"" + String(repeating: "\\u0001", count: 21) + "\"")
        #expect(written(atMost: ByteWriter.maxStringBytes(0)) { $0.string(UnsafeBufferPointer(start: nil, count: 0)) } == "\"\"")
    }

    @Test func numbersAreWrittenAsTheBufferWritesThem() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.25, -0.25, 3, 1e15 - 1, 1e15, -1e15, 1e16, 123_456.5, 0.1, 1.0 / 3.0,
            0.9318068898769206, 5e-324, -1.7976931348623157e308, .leastNormalMagnitude, 2.5e-7, .nan, .infinity, -.infinity,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 2000 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double.random(in: 0 ..< 1, using: &generator))
        }
        for value in values {
            var expected = JSONBuffer()
            expected.number(value)
            let text = written(atMost: ByteWriter.maxNumberBytes) { $0.number(value) }
            #expect(text == String(decoding: expected.bytes, as: UTF8.self), "\(value)")
        }
    }

    @Test func signedIntegersIncludingTheExtremes() {
        for value in [0, 7, -7, 10, -10, 1_234_567, -1_234_567, Int.max, Int.min] {
            #expect(written(atMost: ByteWriter.maxIntegerBytes) { $0.signedInteger(value) } == String(value))
        }
    }

    @Test func idsAsTheBufferWritesThem() {
        for id in [ArticleID.string("a\"b\\c\n北"), .string(""), .number("-12.5e3"), .number("7")] {
            var expected = JSONBuffer()
            expected.id(id)
            #expect(written(atMost: ByteWriter.maxIDBytes(id)) { $0.id(id) } == String(decoding: expected.bytes, as: UTF8.self))
        }
    }

    @Test func aBlockWrittenIntoAnEmptyBufferKeepsWhatWasWrittenOnly() {
        var buffer = JSONBuffer(capacity: 0)
        buffer.write(atMost: 100) { $0.raw("{}") }
        buffer.write(atMost: 10) { $0.raw("[]") }
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "{}[]")
    }
}
