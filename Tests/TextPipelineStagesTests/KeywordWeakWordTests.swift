import TestSupport
import Testing

/// Words of time and novelty that news uses everywhere are stop words, not keywords.
@Suite struct KeywordWeakWordTests {
    @Test func yearNewAndQuarterAreNotKeywords() throws {
        let text = """
            Year after year the new plant raised output. In the first quarter of the year the new owners \
            cut prices, and the plant sold more steel in the quarter than in any year before. New orders \
            for steel rose in the second quarter, the owners said, and the plant hired new workers this year.
            """
        let keywords = try KeywordFixtures.texts(text)
        #expect(keywords.contains("plant"))
        for weak in ["year", "new", "quarter", "years", "quarters"] { #expect(!keywords.contains(weak), "\(weak) in \(keywords)") }
    }

    /// "include" and its forms only introduce lists ("the plan includes ..."), like "including".
    @Test func includeIsNotAKeyword() throws {
        let text = """
            The package includes steel tariffs. The plan included steel quotas, and the talks include \
            steel prices. Steel makers include the largest mills, and the steel plan includes subsidies \
            that include loans. Officials said the deal would include steel imports.
            """
        let keywords = try KeywordFixtures.texts(text)
        #expect(keywords.contains("steel"))
        // A stop word may sit inside a phrase ("package includes steel"), never at its ends.
        let ends = keywords.flatMap { keyword in [keyword.split(separator: " ").first, keyword.split(separator: " ").last].compactMap { $0 } }
        for weak in ["include", "includes", "included"] { #expect(!ends.contains(Substring(weak)), "\(weak) in \(keywords)") }
    }
}
