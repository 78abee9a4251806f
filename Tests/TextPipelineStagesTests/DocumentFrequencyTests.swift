import Foundation
import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// The document-frequency file format and counter behind `keywords.tfidf@1`.
@Suite struct DocumentFrequencyTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kw-df-\(UUID().uuidString).tpdf").path
    }

    @Test func roundTrip() throws {
        let path = temporaryPath()
        let counts: [UInt64: UInt32] = [TermFolding.hash(of: "bank"): 7, TermFolding.hash(of: "rates"): 2]
        try DocumentFrequencyTable.write(documents: 10, counts: counts, to: path)
        let table = try DocumentFrequencyTable(path: path)
        #expect(table.documents == 10)
        #expect(table.count == 2)
        #expect(table.frequency(of: "Bank") == 7)
        #expect(table.frequency(of: "RATES") == 2)
        #expect(table.frequency(of: "river") == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 24 + 12 * 2)
    }

    @Test func termHashFoldsAndMatchesTheByteWiseDefinition() {
        for word in ["Bank", "interest-rates", "Malick’s", "ÉCOLE", "a", "seventeen-letters"] {
            var folded: [UInt8] = []
            let bytes = Array(word.utf8)
            let hash: UInt64 = bytes.withUnsafeBufferPointer { TermFolding.fold($0, toArray: &folded) }
            #expect(hash == folded.withUnsafeBufferPointer { TermFolding.hash($0.baseAddress!, count: $0.count) })
            #expect(hash == TermFolding.hash(of: word.lowercased()))
        }
        #expect(TermFolding.hash(of: "Malick’s") == TermFolding.hash(of: "malick"))
        #expect(TermFolding.hash(of: "bank") != TermFolding.hash(of: "banks"))
    }

    @Test func emptyTable() throws {
        let path = temporaryPath()
        try DocumentFrequencyTable.write(documents: 0, counts: [:], to: path)
        #expect(try DocumentFrequencyTable(path: path).frequency(of: "bank") == 0)
    }

    /// A file header followed by `tail`.
    static func file(magic: String = "TPDF", version: UInt8 = 1, documents: UInt8 = 0, entries: UInt8 = 0, tail: [UInt8] = []) -> Data {
        var bytes = Array(magic.utf8)
        bytes += [version, 0, 0, 0]
        bytes += [documents, 0, 0, 0, 0, 0, 0, 0]
        bytes += [entries, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes + tail)
    }

    static let outOfOrder: [UInt8] = [9, 0, 0, 0, 0, 0, 0, 0] + [3, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)

    @Test(
        "corrupt files are refused",
        arguments: [
            (Data("TPDF".utf8), "too short"),
            (file(magic: "NOPE"), "bad magic"),
            (file(version: 2), "format version 2"),
            (file(entries: 5), "truncated or corrupt"),
            (file(entries: 2, tail: outOfOrder), "out of order"),
        ])
    func corrupt(bytes: Data, expected: String) throws {
        let path = temporaryPath()
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DocumentFrequencyError.self) { try DocumentFrequencyTable(path: path) }
        #expect(error?.message.contains(expected) == true, "got \(String(describing: error))")
    }

    @Test func counterCountsDocumentsNotOccurrences() throws {
        let pipeline = try DocumentFixtures.sentencePipeline()
        var counter = DocumentFrequencyCounter()
        for text in ["The bank raised rates. The bank said so.", "Rates fell at the Bank of England.", "A quiet day in 2024."] {
            counter.add(try DocumentFixtures.analyse(text, with: pipeline))
        }
        #expect(counter.documents == 3)
        #expect(counter.counts[TermFolding.hash(of: "bank")] == 2)
        #expect(counter.counts[TermFolding.hash(of: "rates")] == 2)
        #expect(counter.counts[TermFolding.hash(of: "quiet")] == 1)
        #expect(counter.counts[TermFolding.hash(of: "2024")] == nil)
    }

    @Test func counterStaysWithinItsLimit() throws {
        let pipeline = try DocumentFixtures.sentencePipeline()
        var counter = DocumentFrequencyCounter(maxTerms: 1000)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var words: [String] = []
        for a in letters { for b in letters { for c in letters.prefix(4) { words.append("q\(a)\(b)\(c)") } } }
        for chunk in stride(from: 0, to: words.count, by: 100) {
            counter.add(try DocumentFixtures.analyse(words[chunk ..< min(words.count, chunk + 100)].joined(separator: " ") + " common.", with: pipeline))
        }
        #expect(counter.counts.count <= 1000)
        #expect(counter.floor > 0)
        #expect(counter.counts[TermFolding.hash(of: "common")] == UInt32(counter.documents))
    }
}
