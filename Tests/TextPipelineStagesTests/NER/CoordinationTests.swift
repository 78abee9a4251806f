import TestSupport
import Testing

@testable import TextPipelineStages

/// Lists of names joined by "and" or "&" (rules section `[coordinators]`): a person guess never
/// spans the coordinator, while organisations named with one keep it. Each case is the whole
/// expected tagging of the text, as span markup.
@Suite struct CoordinationTests {
    static let gazetteer = """
        surface\tlabel\tid\tpriority\tcase\tkind
        London\tLOC\tgeonames:2643743
        Steven\tPER\t\t\t\tfirst_name
        Mary\tPER\t\t\t\tfirst_name
        Dwight\tPER\t\t\t\tfirst_name
        Hammond\tPER\t\t\t\tsurname
        Lowe\tPER\t\t\t\tsurname
        """

    @Test(arguments: [
        // Two people in one run: each side on its own; a first name alone is no entity.
        "On Monday Dwight and [[Steven Hammond]]PER were jailed.",
        // Two full names, and the title belongs to the first.
        "They met Mr [[Dwight Lowe]]PER and [[Mary Hammond]]PER in [[London]]LOC.",
        // A title before the first of two names joined by "&".
        "Judge [[Dwight Lowe]]PER & [[Steven Hammond]]PER ruled.",
        // Unknown words either side of "and": two guesses, not one person spanning both.
        "The report by [[Kramer Fitch]]PER and [[Gould Pearson]]PER was late.",
        // An organisation designator keeps the coordinator inside the name.
        "Shares of [[Sachs and Co]]ORG rose.",
        // A looked-up name after "and": the title's person does not swallow it.
        "Letters from Mr [[Lowe]]PER and [[London]]LOC arrived.",
        // A lower-case word after "and" ends the run; the title's person stays.
        "Mr [[Dwight Lowe]]PER and his brother left.",
    ])
    func listedNames(_ expected: String) throws {
        let spec = SpanMarkup(expected)
        let found = try NotNamesTests.tagged(spec.text, gazetteer: Self.gazetteer)
        #expect(found.spans == spec.spans, "\(found)")
    }
}
