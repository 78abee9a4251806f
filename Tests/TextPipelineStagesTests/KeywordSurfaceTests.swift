import TestSupport
import Testing
import TextPipeline

/// The text a keyword shows: its first occurrence, with a sentence-opening capital folded
/// when the article also writes the word in lower case.
@Suite struct KeywordSurfaceTests {
    let text = """
        Profits rose sharply. The company said profits would rise again. Analysts expected profits to grow, \
        and the company raised its forecast for profits. Dividends were held.
        """

    @Test func aSentenceOpeningCapitalIsFoldedWhenTheWordRecursInLowerCase() throws {
        let keywords = try KeywordFixtures.keywords(text).map(\.text)
        #expect(keywords.contains("profits"))
        #expect(!keywords.contains("Profits"))
    }

    /// A word only ever written capitalised keeps its capital, wherever it stands.
    @Test func aWordNeverWrittenInLowerCaseKeepsItsCapital() throws {
        let keywords = try KeywordFixtures.keywords(text).map(\.text)
        #expect(!keywords.contains("dividends"))
        let names = try KeywordFixtures.keywords("Reagan spoke on Monday. Later Reagan met the press, and Reagan left.").map(\.text)
        #expect(names.contains("Reagan"))
        #expect(!names.contains("reagan"))
    }
}
