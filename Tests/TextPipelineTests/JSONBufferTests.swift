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
