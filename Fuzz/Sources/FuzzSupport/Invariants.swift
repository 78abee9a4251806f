import TextPipeline

/// The properties every analysed document and every output line must have,
/// whatever the input: what the harnesses check beyond "does not crash".
public enum Invariants {
    /// Tokens lie inside the text, in order, without overlap, on UTF-8 scalar
    /// boundaries; sentences and entities are ordered token ranges inside the tokens.
    public static func check(_ document: Document) {
        let utf8 = document.utf8
        let tokens = document.tokens
        var previousEnd: Int32 = 0
        for index in 0 ..< tokens.count {
            let (start, end) = (tokens.starts[index], tokens.ends[index])
            fuzzRequire(
                start >= previousEnd && start < end && Int(end) <= utf8.count,
                "token \(index) \(start)..<\(end) out of order or outside \(utf8.count) bytes")
            fuzzRequire(isBoundary(utf8, Int(start)) && isBoundary(utf8, Int(end)), "token \(index) splits a UTF-8 sequence")
            previousEnd = end
        }
        var previousSentenceEnd = 0
        for index in 0 ..< document.sentences.count {
            let range = document.sentences.tokenRange(index)
            fuzzRequire(
                range.lowerBound >= previousSentenceEnd && range.lowerBound < range.upperBound && range.upperBound <= tokens.count,
                "sentence \(index) \(range) out of order or outside \(tokens.count) tokens")
            previousSentenceEnd = range.upperBound
        }
        for index in 0 ..< document.entities.count {
            let range = document.entities.tokenRange(index)
            fuzzRequire(
                range.lowerBound < range.upperBound && range.upperBound <= tokens.count,
                "entity \(index) \(range) outside \(tokens.count) tokens")
        }
    }

    /// `line` is one JSON object that starts with its `id`, valid UTF-8, ending in its only line break.
    public static func checkOutputLine(_ line: [UInt8]) {
        fuzzRequire(line.last == 0x0A && line.firstIndex(of: 0x0A) == line.count - 1, "output is not exactly one line")
        let text = Array(line.dropLast())
        fuzzRequire(text.starts(with: Array(#"{"id":"#.utf8)), "output line does not start with its id")
        fuzzRequire(
            JSONGrammar.isValid(text),
            "output line is not valid JSON: \(String(decoding: line, as: UTF8.self))")
    }

    private static func isBoundary(_ utf8: [UInt8], _ offset: Int) -> Bool {
        offset == utf8.count || utf8[offset] & 0xC0 != 0x80
    }
}
