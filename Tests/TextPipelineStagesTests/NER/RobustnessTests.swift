import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// Odd input never crashes the stage, and every entity has an id.
@Suite struct RobustnessTests {
    static let gazetteer = "Paris\tLOC\nNew York\tLOC\n"

    @Test(arguments: [
        "", " ", "...", "'s", "l’", String(repeating: "x", count: 20_000), String(repeating: "Paris ", count: 5_000),
        "\u{FFFD}\u{0301}Paris\u{200B}", "PARIS'S l'Paris d’New York", "l's", "d’s", "t's Paris", "New\u{2028}York", "🇫🇷 Paris 👍🏽",
    ])
    func oddTextIsHandled(_ text: String) throws {
        let document = try DocumentFixtures.analyse(text, with: NERFixture.pipeline(Self.gazetteer))
        for index in 0 ..< document.entities.count {
            #expect(!document.entities.tokenRange(index).isEmpty)
            #expect(document.entities.canonicalIDs[index] != nil)
        }
    }

    @Test func worksWithoutASentenceLayer() throws {
        let folder = try NERFixture.folder()
        let path = try NERFixture.source(Self.gazetteer, in: folder)
        let pipeline = try DocumentFixtures.pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: ner.gazetteer@1
                with: { gazetteers: [\(path)], cache: \(folder.path) }
            """)
        #expect(try NERFixture.entities("From Paris to New York.", pipeline).map(\.text) == ["Paris", "New York"])
    }

    @Test func ruleFoundNamesAreUnlinked() throws {
        let found = try NERFixture.entities("Talks were led by Mr Jaroslav Kowalczyk.", NERFixture.pipeline(Self.gazetteer))
        #expect(found.map(\.text) == ["Jaroslav Kowalczyk"])
        #expect(found.map(\.id) == [nil])
    }
}
