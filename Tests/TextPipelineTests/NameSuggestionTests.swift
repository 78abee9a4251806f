import Testing

@testable import TextPipeline

/// "Did you mean" picks the closest name, and only a close one.
@Suite struct NameSuggestionTests {
    @Test(arguments: [
        ("locael", ["locale", "newline"], "locale"),  // a swap of two letters
        ("newlines", ["locale", "newline"], "newline"),  // one letter too many
        ("tokenize.icuu@1", ["tokenize.icu@1", "sentences.icu@1"], "tokenize.icu@1"),
        ("Stages", ["stages", "version"], "stages"),  // case is ignored
        ("rnu", ["run", "render"], "run"),
    ])
    func suggestsTheClosest(typed: String, candidates: [String], expected: String) {
        #expect(NameSuggestion.closest(to: typed, among: candidates) == expected)
    }

    @Test(arguments: [
        ("extra", ["description", "name", "on_error", "stages", "version"]),
        ("n", ["top", "max_words"]),
        ("locale", ["locale"]),  // the name itself is no suggestion
    ])
    func suggestsNothingFar(typed: String, candidates: [String]) {
        #expect(NameSuggestion.closest(to: typed, among: candidates) == nil)
    }

    @Test func editDistanceCountsASwapOnce() {
        #expect(NameSuggestion.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)) == 1)
        #expect(NameSuggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(NameSuggestion.editDistance([], Array("abc".unicodeScalars)) == 3)
    }
}
