import Testing

@testable import TextPipelineStages

/// The TSV source format: columns, header, labels, and errors naming file and line.
@Suite struct GazetteerSourceTests {
    @Test func positionalColumnsAndDefaults() throws {
        let entries = try GazetteerSource.parse("# comment\n\nKim Jong Un\tPER\nNorth Korea\tGPE\tiso3166:KP\t5\n", file: "a.tsv")
        #expect(entries.map(\.surface) == ["Kim Jong Un", "North Korea"])
        #expect(entries.map(\.label) == [.person, .location])
        #expect(entries.map(\.canonicalID) == ["tp:person/kim-jong-un", "iso3166:KP"])
        #expect(entries.map(\.priority) == [0, 5])
    }

    @Test func headerNamesColumnsInAnyOrderAndExtraColumnsAreIgnored() throws {
        let text = "surface\tsource\ttype\tcanonical\nLondon\tgeonames\tLOCATION\tgeonames:2643743|London|GB\n"
        let entries = try GazetteerSource.parse(text, file: "a.tsv")
        #expect(entries == [GazetteerEntry(surface: "London", label: .location, canonicalID: "geonames:2643743")])
    }

    @Test(arguments: [
        ("PERSON", GazetteerLabel.person), ("GPE", .location), ("FAC", .location), ("ORGANIZATION", .organization),
        ("organisation", .organization), ("NORP", .miscellaneous), ("EVENT", .miscellaneous), ("misc", .miscellaneous),
    ])
    func longFormLabels(_ text: String, _ label: GazetteerLabel) {
        #expect(GazetteerLabel(parsing: text) == label)
    }

    @Test func kindsAndCasePolicies() throws {
        let entries = try GazetteerSource.parse("surface\tlabel\tcase\tkind\nJohn\tPER\t\tfirst_name\nWHO\tORG\texact\t\n", file: "a.tsv")
        #expect(entries.map(\.kind) == [.firstName, .entity])
        #expect(entries.map(\.casePolicy) == [.auto, .exact])
    }

    @Test(arguments: [
        ("Paris\tLOC\nLondon\tCITY\n", "a.tsv:2: unknown label 'CITY'"),
        ("Paris\n", "a.tsv:1: missing label"),
        ("\tLOC\n", "a.tsv:1: empty surface form"),
        ("Paris\tLOC\tgeonames 1\n", "a.tsv:1: canonical id 'geonames 1'"),
        ("Paris\tLOC\t\thigh\n", "a.tsv:1: priority 'high'"),
        ("x\tLOC\n\n# c\nParis\tLOC\t\t\tloud\n", "a.tsv:4: case 'loud'"),
        ("Paris\tLOC\t\t\t\tplace\n", "a.tsv:1: kind 'place'"),
        ("surface\tname\n", "a.tsv:1: the header has no 'label'"),
    ])
    func errorsNameFileAndLine(_ text: String, _ message: String) {
        #expect {
            _ = try GazetteerSource.parse(text, file: "a.tsv")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func invalidUTF8IsAnErrorNamingTheLine() {
        #expect(throws: GazetteerSourceError(file: "b.tsv", line: 2, message: "the line is not valid UTF-8")) {
            _ = try GazetteerSource.parse(bytes: Array("Paris\tLOC\n".utf8) + [0x66, 0xFF, 0x09, 0x4C, 0x4F, 0x43, 0x0A], file: "b.tsv")
        }
    }

    @Test func derivedIdsAreStableSlugs() {
        #expect(CanonicalID.derive(label: .organization, surface: "AT&T Inc.") == "tp:org/at-t-inc")
        #expect(CanonicalID.derive(label: .person, surface: "Nguyễn Phú Trọng") == "tp:person/nguyễn-phú-trọng")
        #expect(CanonicalID.derive(label: .location, surface: "O'Hare") == "tp:place/ohare")
    }
}
