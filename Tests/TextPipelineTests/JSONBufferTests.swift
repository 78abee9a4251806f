import Testing
import TextPipeline

@Suite struct JSONBufferTests {
    func encoded(_ text: String) -> String {
        var buffer = JSONBuffer()
        buffer.string(text)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControls() {
        #expect(encoded("a\"b\\c\nd\u{01}\u{7F}") == #""a\"b\\c\nd\u0001\u007f""#)
    }

    /// Contiguous bytes are written by runs between escapes; any other collection byte by byte. Same text.
    @Test func contiguousAndOtherCollectionsAreWrittenAlike() {
        let text = "ab\"cd\\ef\ngh\u{01}ij\u{7F}kl naïve\t\r\u{08}\u{0C}end"
        var contiguous = JSONBuffer()
        contiguous.string(Array(text.utf8))
        var other = JSONBuffer()
        other.string(text.utf8.lazy.map { $0 })
        #expect(contiguous.bytes == other.bytes)
        #expect(String(decoding: contiguous.bytes, as: UTF8.self) == encoded(text))
        #expect(encoded(text) == #""ab\"cd\\ef\ngh\u0001ij\u007fkl naïve\t\r\b\fend""#)
    }

    @Test func keepsNonASCIIAsUTF8() {
        #expect(encoded("naïve 北京 👍") == "\"naïve 北京 👍\"")
    }

    @Test func numbersAreShortestAndNeverNaN() {
        var buffer = JSONBuffer()
        buffer.number(0.25)
        buffer.raw(",")
        buffer.number(3)
        buffer.raw(",")
        buffer.number(.nan)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "0.25,3,null")
    }
}
