import Testing
import TextPipeline

@testable import TextPipelineStages

/// Splitting possessives with a scratch kept across documents, as a worker does.
@Suite struct PossessiveSplitTests {
    func tokenized(_ text: String) throws -> Document {
        var worker = try ICUTokenizerStage().makeWorker()
        var document = Document(text: text)
        try worker.process(&document, context: StageContext())
        return document
    }

    func words(_ document: Document) -> [String] {
        (0 ..< document.tokens.count).map { String(decoding: document.utf8[document.tokens.byteRange($0)], as: UTF8.self) }
    }

    /// The second split fills the columns the first replaced: it must leave exactly the tokens a
    /// fresh scratch gives, and the first document (and a copy taken before it split) must keep theirs.
    @Test func splitsAgainIntoTheColumnsItReplaced() throws {
        var scratch = PossessiveSplit.Scratch()
        var first = try tokenized("Putin’s visit to l’Élysée and Obama's speech went on for a long while.")
        let unsplit = first
        PossessiveSplit.apply(to: &first, scratch: &scratch)
        let firstTokens = first.tokens
        #expect(words(first).prefix(3) == ["Putin", "’s", "visit"])

        for text in ["Merkel's plan.", "A much longer text in which Macron's and Scholz's words come last: Sánchez's."] {
            var document = try tokenized(text)
            PossessiveSplit.apply(to: &document, scratch: &scratch)
            var fresh = try tokenized(text)
            var freshScratch = PossessiveSplit.Scratch()
            PossessiveSplit.apply(to: &fresh, scratch: &freshScratch)
            #expect(document.tokens == fresh.tokens)
            #expect(document.sentences == fresh.sentences)
        }
        #expect(first.tokens == firstTokens)
        #expect(unsplit.tokens == (try tokenized(String(decoding: unsplit.utf8, as: UTF8.self))).tokens)
    }
}
