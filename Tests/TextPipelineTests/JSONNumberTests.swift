import Testing
import TextPipeline

/// Numbers follow JSON's grammar: a numeric id is echoed as its literal, so a
/// literal JSON does not allow (leading zeros) would make the output line invalid.
@Suite struct JSONNumberTests {
    func parse(_ text: String) -> InputRecord {
        Array(text.utf8).withUnsafeBufferPointer { JSONRecordParser().parse($0, source: "in.jsonl", line: 3) }
    }

    @Test("numbers JSON allows are kept as their literal", arguments: ["0", "-0", "10", "0.5", "-0.01", "0e5", "1E+2", "12.50", "-7"])
    func validNumberID(literal: String) throws {
        guard case .article(let article) = parse(#"{"id":\#(literal),"text":"x"}"#) else {
            Issue.record("\(literal) was refused")
            return
        }
        #expect(article.id == .number(literal))
    }

    @Test(
        "leading zeros are invalid JSON, in the id and in any other field",
        arguments: [
            #"{"id":01,"text":"x"}"#, #"{"id":-007,"text":"x"}"#, #"{"id":00,"text":"x"}"#, #"{"id":00.5,"text":"x"}"#,
            #"{"other":[1,02],"text":"x"}"#,
        ])
    func leadingZeros(line: String) {
        guard case .failure(let id, let error, _, _) = parse(line) else {
            Issue.record("\(line) was accepted")
            return
        }
        #expect(error.kind == .invalidJSON)
        #expect(error.message.contains("leading zero"))
        #expect(id == .string("in.jsonl:3"))
    }
}
