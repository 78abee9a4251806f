import TestSupport
import Testing

@testable import TextPipelineStages

/// Places, facilities and institutions named by their kind get that kind's label and the
/// whole name (bundled English rules); a sequence after "the" is not guessed to be a person.
@Suite struct DesignatorTests {
    static let gazetteer = """
        surface\tlabel\tid\tpriority\tcase\tkind
        Hawks\tORG\tnba:team/1610612737\t5\t\tweak
        Hawks\tPER\t\t\t\tsurname
        Priya\tPER\t\t\t\tfirst_name
        """

    @Test(arguments: [
        "The [[Harbour Bridge]]LOC in [[Port Elwin]]LOC reopened on Monday.",
        "Fans filled [[Wembley Stadium]]LOC and the [[Kourou Spaceport]]LOC was quiet.",
        "Dr. [[Priya Nair]]PER of the [[Institute for Coastal Studies]]ORG warned.",
        "A report by the [[Council on Foreign Relations]]ORG came out.",
        // A team after "the": an organisation, and a weak roster entry is no entity alone.
        "The [[Riverside Otters]]ORG beat the [[Hill Valley Hawks]]ORG 3-2 on Saturday.",
        // Not a person: nothing is guessed.
        "He read the Coastal Review on Sunday.",
    ])
    func designatedNames(_ markup: String) throws {
        let spec = SpanMarkup(markup)
        let found = try NERFixture.entities(spec.text, NERFixture.pipeline(Self.gazetteer))
        #expect(found.map { SpanMarkup.Span(text: $0.text, label: $0.label) } == spec.spans)
    }
}
