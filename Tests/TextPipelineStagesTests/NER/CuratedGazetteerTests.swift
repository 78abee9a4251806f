import Foundation
import TestSupport
import Testing

@testable import TextPipelineStages

/// Entries of the shipped Pipelines/gazetteers/curated.tsv, with the bundled rules.
@Suite struct CuratedGazetteerTests {
    func tag(_ text: String) throws -> [String] {
        let curated = try String(contentsOf: CLIHarness.repositoryRoot.appendingPathComponent("Pipelines/gazetteers/curated.tsv"), encoding: .utf8)
        return try NERFixture.entities(text, NERFixture.pipeline(curated, options: "rules: default")).map { "\($0.text)/\($0.label)" }
    }

    /// "God" is a person, as CoNLL-2003 and GUM annotate it, not a place after "in" or "to".
    @Test func godIsAPerson() throws {
        #expect(try tag("In God we trust, they said. They prayed to God for rain. The god of war was angry.") == ["God/PER", "God/PER"])
    }

    /// "Britain" and "Great Britain" are the country, not the surname "Britain" of the name lists;
    /// "DPRK" is North Korea's short name (issue 14: short names link to the full name's id).
    @Test func shortCountryNamesAreCountries() throws {
        #expect(try tag("Great Britain and Britain signed it. The DPRK did not.") == ["Great Britain/LOC", "Britain/LOC", "DPRK/LOC"])
    }

    /// Organisations named with "and" or "&" are one organisation, not a person across the
    /// coordinator; products are MISC, not their maker.
    @Test func organisationsWithAndAndProducts() throws {
        #expect(
            try tag("Standard and Poor's cut the rating. The Food and Drug Administration agreed. Pratt & Whitney built it.")
                == ["Standard and Poor's/ORG", "Food and Drug Administration/ORG", "Pratt & Whitney/ORG"])
        #expect(try tag("She bought an Apple Watch and an iPhone.") == ["Apple Watch/MISC", "iPhone/MISC"])
    }
}
