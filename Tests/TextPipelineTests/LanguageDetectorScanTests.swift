import Testing

@testable import TextPipeline

/// The detector reads ASCII eight bytes at a time; its tally must be the one a plain reading
/// word by word gives, wherever words, long words and punctuation fall against the chunks.
@Suite struct LanguageDetectorScanTests {
    /// Function words (ASCII ones), other words (some longer than eight letters) and separators.
    static let pieces: [String] =
        FunctionWords.lists.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        + ["x", "Mayor", "THE", "And", "internationally", "Bundesregierung", "a", "Zz", "statement", "qu", "Ab", "De"]
    static let separators = [" ", ", ", ". ", "\n", "-", "'", "12", " 3.5 ", "@", "[", "`", "{", "~", "  "]

    /// Points per language and Latin letters, counted word by word with a dictionary.
    static func reference(_ text: String) -> (points: [Int], letters: Int) {
        var languages: [String: Int] = [:]
        for (language, list) in FunctionWords.lists.enumerated() {
            for word in list.split(separator: " ") { languages[String(word), default: 0] |= 1 << language }
        }
        var points = [Int](repeating: 0, count: FunctionWords.languageCount)
        var letters = 0
        let words = text.utf8.split { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
        for word in words {
            letters += word.count
            let key = String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
            guard let bits = languages[key] else { continue }
            for language in 0 ..< FunctionWords.languageCount where bits & (1 << language) != 0 { points[language] += 1 }
        }
        return (points, letters)
    }

    @Test func chunkedTallyEqualsWordByWordCount() {
        var generator = SystemRandomNumberGenerator()
        for round in 0 ..< 300 {
            var text = String(repeating: " ", count: round % 8)
            for _ in 0 ..< Int.random(in: 0 ... 60, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
                text += Self.separators.randomElement(using: &generator)!
            }
            if round % 3 == 0 { text += Self.pieces.randomElement(using: &generator)! }
            let expected = Self.reference(text)
            let tally = Array(text.utf8).withUnsafeBufferPointer { LanguageDetector.scan($0, stopWhenClearlyEnglish: false).tally }
            let points = (0 ..< FunctionWords.languageCount).map { tally.points[$0] }
            #expect(points == expected.points, "\(text)")
            #expect(tally.letters.latin == expected.letters, "\(text)")
        }
    }
}
