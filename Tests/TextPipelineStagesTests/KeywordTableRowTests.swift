import TestSupport
import Testing
import TextPipeline

/// Rows of a figures table ("Sales 1.38 billion vs 1.26 billion") give no keywords:
/// their headings are labels, not topics (issue 14).
@Suite struct KeywordTableRowTests {
    /// An earnings item in the newswire's table layout (figures invented).
    let earnings = """
        Shr loss three cts vs loss 12 cts
            Net loss 512,000 vs loss 1,904,000
            Sales 2,716,000 vs 4,381,000
            Avg shrs 11.2 mln vs 10.8 mln
            Year
            Shr loss five cts vs loss 31 cts
            Net loss 406,000 vs loss 2,877,000
            Sales 12.1 mln vs 29.6 mln
            NOTE: Results include the drilling equipment unit sold in June.
        """

    @Test func tableHeadingsAreNoKeywords() throws {
        let keywords = try KeywordFixtures.keywords(earnings).map { $0.text.lowercased() }
        #expect(!keywords.contains("sales"), "\(keywords)")
        #expect(!keywords.contains("loss"), "\(keywords)")
        #expect(keywords.contains("drilling equipment"), "\(keywords)")
    }

    /// "vs" between names, in a text without figure rows, is prose: its words stay candidates.
    @Test func namesAroundVsStayCandidates() throws {
        let keywords = try KeywordFixtures.keywords(
            "Arsenal vs Chelsea kicks off at 3 pm on Sunday.\nTickets for the derby sold out within an hour."
        ).map { $0.text.lowercased() }
        #expect(keywords.contains("arsenal"), "\(keywords)")
        #expect(keywords.contains("chelsea"), "\(keywords)")
    }

    /// A long line comparing figures is a paragraph, not a row.
    @Test func aParagraphComparingFiguresIsNoRow() throws {
        let paragraph =
            "Acme said the drilling equipment business earned 5 mln dlrs vs 3 mln dlrs a year earlier, "
            + "and the drilling equipment unit will grow. Shr 70 cts vs 61 cts\nNet 200.2 mln vs 173.9 mln"
        let keywords = try KeywordFixtures.keywords(paragraph).map { $0.text.lowercased() }
        #expect(keywords.contains("drilling equipment"), "\(keywords)")
    }
}
