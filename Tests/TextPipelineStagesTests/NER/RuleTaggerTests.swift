import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The context rules on top of lookups (bundled English rules).
@Suite struct RuleTaggerTests {
    static let gazetteer = """
        surface\tlabel\tid\tpriority\tcase\tkind
        Vladimir Putin\tPER\ttp:person/vladimir-putin
        Moscow\tLOC\tgeonames:524901
        World Health Organization\tORG\ttp:org/who
        Turkey\tLOC\tiso3166:TR
        May\tLOC
        Maria\tPER\t\t\t\tfirst_name
        Smith\tPER\t\t\t\tsurname
        German\tMISC
        """

    func tag(_ text: String) throws -> [String] {
        try NERFixture.entities(text, NERFixture.pipeline(Self.gazetteer)).map { "\($0.text)/\($0.label)" }
    }

    @Test(arguments: [
        ("President Vladimir Putin arrived in Moscow.", ["Vladimir Putin/PER", "Moscow/LOC"]),
        ("Governor A. J. Rowe said so.", ["A. J. Rowe/PER"]),
        ("Talks were led by Mr Jaroslav Kowalczyk yesterday.", ["Jaroslav Kowalczyk/PER"]),
        ("Shares in Northwind Holdings Inc fell.", ["Northwind Holdings Inc/ORG"]),
        ("The Ministry of Tourism said so.", ["Ministry of Tourism/ORG"]),
        ("He spoke to Maria Kowalska after the German vote.", ["Maria Kowalska/PER", "German/MISC"]),
        ("The Lake Balaton region was calm.", ["Lake Balaton/LOC"]),
        ("They met at the Davos Economic Forum and then at the Geneva Open.", ["Geneva Open/MISC"]),
    ])
    func contextRules(_ text: String, _ expected: [String]) throws {
        let found = try tag(text)
        for name in expected { #expect(found.contains(name), "\(name) in \(found)") }
    }

    /// A worker keeps its buffers and its place among the lookups from one document to the next: each
    /// document must come out as from a fresh worker, whether it is longer or shorter than the last.
    @Test func aWorkerReusedAcrossDocumentsTagsEachAsAFreshOne() throws {
        let folder = try NERFixture.folder()
        let path = folder.appendingPathComponent("rules.tpg").path
        try GazetteerCompiler.write(GazetteerCompiler.compile(sources: [NERFixture.source(Self.gazetteer, in: folder)]).bytes, to: path)
        let stage = try GazetteerNERStage(gazetteers: [CompiledGazetteer(path: path)], rules: true)
        let long = Array(repeating: "President Vladimir Putin met Maria Smith of Northwind Holdings Inc in Moscow.", count: 12)
        let texts = [long.joined(separator: " "), "Doctors at the World Health Organization met in Moscow.", "Mr Putin left Turkey."]
        var reused = try stage.makeWorker()
        for text in texts + texts.reversed() {
            var again = try NERFixture.tokenized(text), fresh = again
            try reused.process(&again, context: .init())
            var worker = try stage.makeWorker()
            try worker.process(&fresh, context: .init())
            let entities = { (document: Document) in
                (0 ..< document.entities.count).map { "\(document.entities.tokenRange($0)) \(document.entities.labels[$0].rawValue)" }
            }
            #expect(entities(again) == entities(fresh), "\(text.prefix(30))")
            #expect(Array(again.entities.canonicalIDs) == Array(fresh.entities.canonicalIDs))
        }
    }

    /// A name found by a rule is found again where no rule looks, in a headline in capitals: the
    /// repeat is found from its first word on ("LAKE", not "BALATON").
    @Test func headlineRepeatTakesTheReadingOfTheSameWords() throws {
        let found = try tag("The Lake Balaton region was calm.\n\nLAKE BALATON FLOODS AGAIN\n\nMore rain came.")
        #expect(found.contains("LAKE BALATON/LOC"), "\(found)")
    }

    /// An id always points at a gazetteer entry: names found by rules alone carry none, and a
    /// later mention of a looked-up name carries the entry's id.
    @Test func namesFoundByRulesAreUnlinked() throws {
        let found = try NERFixture.entities(
            "Talks were led by Mr Jaroslav O'Kowalczyk. Later, Dr Łukasz Żak met Vladimir Putin. Putin left.",
            NERFixture.pipeline(Self.gazetteer))
        #expect(found.map(\.text) == ["Jaroslav O'Kowalczyk", "Łukasz Żak", "Vladimir Putin", "Putin"])
        #expect(found.map(\.id) == [nil, nil, "tp:person/vladimir-putin", "tp:person/vladimir-putin"])
    }

    @Test func laterPartialMentionIsTheSamePerson() throws {
        let found = try NERFixture.entities("Vladimir Putin spoke. Later, Putin left.", NERFixture.pipeline(Self.gazetteer))
        #expect(found.map(\.text) == ["Vladimir Putin", "Putin"])
        #expect(Set(found.map(\.id)) == ["tp:person/vladimir-putin"])
    }

    @Test func acronymInParenthesesInheritsItsExpansion() throws {
        let found = try tag("The World Health Organization (WHO) warned. WHO officials agreed.")
        #expect(found == ["World Health Organization/ORG", "WHO/ORG", "WHO/ORG"])
    }

    @Test func commonWordsNeedCapitalsAndContext() throws {
        #expect(try tag("We may roast a turkey in May.").isEmpty)
        #expect(try tag("Ankara said Turkey would act.").contains("Turkey/LOC"))
    }

    @Test func surnamesAloneAreWeakEvidence() throws {
        #expect(try tag("The smith worked. Smith said no.").filter { $0.hasPrefix("Smith") } == ["Smith/PER"])
        #expect(try tag("The smith worked and the smith rested.").isEmpty)
    }

    @Test func organisationNameWithoutItsDesignatorIsTheSameOrganisation() throws {
        #expect(
            try tag("Shares of Moscow Holdings Inc rose. Later, Moscow Holdings said no.")
                == ["Moscow Holdings Inc/ORG", "Moscow Holdings/ORG"])
    }

    /// Two organisations share a first word; a later mention takes the longer name. (The names
    /// were once tried in a dictionary's order, which differs from process to process.)
    @Test func laterMentionTakesTheLongestKnownOrganisationName() throws {
        let pipeline = try NERFixture.pipeline(Self.gazetteer + "\nNew York\tLOC\tgeonames:5128581")
        let text =
            "First Executive Corp said that its principal subsidiary grew. The company said Executive Life Insurance Co "
            + "gave the capital to its subsidiary. Executive Life of New York took credits."
        let found = try NERFixture.entities(text, pipeline).map { "\($0.text)/\($0.label)" }
        #expect(found.contains("Executive Life/ORG"), "\(found)")
        #expect(!found.contains("Executive/ORG"), "\(found)")
    }

    @Test func tableHeadingsOfSingleLettersAreNotNames() throws {
        #expect(try tag("Standings: W D L G were shown.").isEmpty)
    }

    @Test func placesInResultsAreTeams() throws {
        let found = try NERFixture.entities(
            "Moscow 3 Turkey 1\nMOSCOW 1996-08-30\nHe lives in Moscow with 3 cats.",
            NERFixture.pipeline(Self.gazetteer, options: "rules: default"))
        #expect(found.map { "\($0.text)/\($0.label)" } == ["Moscow/ORG", "Turkey/ORG", "MOSCOW/LOC", "Moscow/LOC"])
    }

    @Test func headlinesInCapitalsUseLookupsOnly() throws {
        #expect(try tag("PUTIN MEETS LEADERS IN MOSCOW") == ["MOSCOW/LOC"])
    }
}
