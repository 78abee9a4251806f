import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The compiled format: round trip, checks on load, checksum, atomic replacement.
@Suite struct CompiledGazetteerTests {
    static let tsv = "Kim Jong Un\tPER\nPyongyang\tLOC\tgeonames:1871859\nKCNA\tORG\ttp:org/kcna\nPyongyang\tLOC\tgeonames:1871859\n"

    func compiled(_ tsv: String = tsv) throws -> (path: String, bytes: [UInt8]) {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source(tsv, in: folder)
        let bytes = try GazetteerCompiler.compile(sources: [source]).bytes
        let path = folder.appendingPathComponent("g.tpg").path
        try GazetteerCompiler.write(bytes, to: path)
        return (path, bytes)
    }

    /// Where section `kind` lies in a compiled file's bytes.
    func sectionBytes(_ kind: GazetteerFormat.Section, of bytes: [UInt8], path: String) throws -> Range<Int> {
        try bytes.withUnsafeBytes { raw in
            let section: UnsafeBufferPointer<UInt8> = try GazetteerLayout(raw, path: path).buffer(kind)
            let start = UnsafeRawPointer(section.baseAddress!) - raw.baseAddress!
            return start ..< start + section.count
        }
    }

    @Test func roundTrip() throws {
        let gazetteer = try CompiledGazetteer(path: compiled().path)
        #expect(gazetteer.statistics.entries == 4)
        #expect(gazetteer.formatVersion == GazetteerFormat.version)
        #expect(gazetteer.labelCounts() == [.person: 1, .location: 2, .organization: 1])
        try gazetteer.verify()
    }

    @Test func compilingTwiceGivesTheSameBytes() throws {
        #expect(try compiled().bytes == compiled().bytes)
    }

    @Test(arguments: [0, 7, 63, 64, 100, 200])
    func truncatedFilesAreRefused(_ length: Int) throws {
        let (path, bytes) = try compiled()
        try Data(bytes.prefix(length)).write(to: URL(fileURLWithPath: path))
        #expect(throws: GazetteerFileError.self) { _ = try CompiledGazetteer(path: path) }
    }

    @Test func aFileCutAnywhereIsRefused() throws {
        let (path, bytes) = try compiled()
        for length in stride(from: 0, to: bytes.count, by: 8) {
            try Data(bytes.prefix(length)).write(to: URL(fileURLWithPath: path))
            #expect(throws: GazetteerFileError.self) { _ = try CompiledGazetteer(path: path) }
        }
    }

    @Test func wrongMagicAndVersionAreRefusedWithMessages() throws {
        let (path, bytes) = try compiled()
        var wrongMagic = bytes
        wrongMagic[0] = 0x58
        try Data(wrongMagic).write(to: URL(fileURLWithPath: path))
        #expect { _ = try CompiledGazetteer(path: path) } throws: { "\($0)".contains("bad magic number") }
        var wrongVersion = bytes
        wrongVersion[8] = 9
        try Data(wrongVersion).write(to: URL(fileURLWithPath: path))
        #expect { _ = try CompiledGazetteer(path: path) } throws: { "\($0)".contains("format version 9 is not supported") }
    }

    @Test func sectionTablePointingOutsideTheFileIsRefused() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        corrupted[GazetteerFormat.headerSize + 8 + 6] = 0x7F  // first section's offset, high byte
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        #expect { _ = try CompiledGazetteer(path: path) } throws: { "\($0)".contains("corrupted") }
    }

    @Test func flippedByteInsideASectionFailsVerification() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        corrupted[bytes.count - 3] ^= 0x5A
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        #expect { try gazetteer.verify() } throws: { "\($0)".contains("checksum mismatch") }
    }

    /// Whether every canonical id of `document`'s entities is valid UTF-8 (checked on the raw bytes
    /// output would write, not on a repaired `String`).
    func idsAreValidUTF8(_ document: Document) -> Bool {
        (0 ..< document.entities.count).allSatisfy { index in
            !document.entities.hasCanonicalID(index)
                || document.entities.withCanonicalIDBytes(index) { UTF8Validation.firstInvalidOffset($0) == nil }
        }
    }

    /// Seeded, so a failure reproduces; it must load and match often enough to test matching at all.
    @Test func randomCorruptionNeverCrashesMatching() throws {
        let (path, bytes) = try compiled()
        var generator = SplitMix(state: 1516)
        var loaded = 0, matched = 0
        // The sections, past the header and section table (whose corruption loading refuses).
        let sections = GazetteerFormat.headerSize + GazetteerFormat.Section.allCases.count * GazetteerFormat.sectionRecordSize ..< bytes.count
        for _ in 0 ..< 200 {
            var corrupted = bytes
            for _ in 0 ..< Int.random(in: 1 ... 8, using: &generator) {
                corrupted[Int.random(in: sections, using: &generator)] = UInt8.random(in: 0 ... 255, using: &generator)
            }
            try Data(corrupted).write(to: URL(fileURLWithPath: path))
            guard let gazetteer = try? CompiledGazetteer(path: path) else { continue }
            loaded += 1
            var worker = try GazetteerNERStage(gazetteers: [gazetteer]).makeWorker()
            var document = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
            try worker.process(&document, context: .init())
            #expect(document.entities.count <= 3)
            #expect(idsAreValidUTF8(document))
            if document.entities.count > 0 { matched += 1 }
        }
        print("random corruption: \(loaded) of 200 loaded, \(matched) matched something")
        #expect(loaded >= 100 && matched >= 50, "loaded \(loaded), matched \(matched) of 200")
    }

    /// Ids are emitted as stored: a corrupted id that is not UTF-8 (with the checksum resealed,
    /// so the file loads) is never written; verification names it.
    @Test func idsThatAreNotUTF8AreNeverEmitted() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        let identifiers = try sectionBytes(.identifiers, of: bytes, path: path)
        for index in identifiers { corrupted[index] = 0xFF }
        GazetteerWriter.sealChecksum(&corrupted)
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        #expect { try gazetteer.verify() } throws: { "\($0)".contains("is not valid UTF-8") }
        var worker = try GazetteerNERStage(gazetteers: [gazetteer]).makeWorker()
        var document = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
        try worker.process(&document, context: .init())
        #expect(document.entities.count == 3)
        #expect(idsAreValidUTF8(document))
    }

    /// A vocabulary bucket whose stored id is 0 (no token) is corruption: matching must not
    /// read the key spans at index −1 (keys longer than twelve bytes read them), and verification names it.
    @Test func vocabularyBucketIdZeroIsReadAsAbsentAndFailsVerification() throws {
        let (path, bytes) = try compiled("Reconstruction Commission\tORG\ttp:org/rc\n")
        var corrupted = bytes
        let buckets = try sectionBytes(.vocabularyBuckets, of: bytes, path: path)
        for bucket in stride(from: buckets.lowerBound, to: buckets.upperBound, by: 32) where bytes[bucket ..< bucket + 8].contains(where: { $0 != 0 }) {
            corrupted.replaceSubrange(bucket ..< bucket + 4, with: [0, 0, 0, 0])
        }
        GazetteerWriter.sealChecksum(&corrupted)
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        #expect { try gazetteer.verify() } throws: { "\($0)".contains("names a missing token") }
        var worker = try GazetteerNERStage(gazetteers: [gazetteer], rules: false).makeWorker()
        var document = try NERFixture.tokenized("The Reconstruction Commission met.")
        try worker.process(&document, context: .init())
        #expect(document.entities.count == 0)
    }

    /// Entry numbers in the output table past any entry (and past `Int32`) are read as absent
    /// entries: the lookup still matches, with a derived id, and nothing traps.
    @Test func outputsNamingMissingEntriesDoNotCrashMatching() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        let outputs = try sectionBytes(.outputs, of: bytes, path: path)
        for word in stride(from: outputs.lowerBound, to: outputs.upperBound, by: 8) {
            corrupted.replaceSubrange(word ..< word + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        }
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        for rules in [false, true] {
            var worker = try GazetteerNERStage(gazetteers: [gazetteer], rules: rules).makeWorker()
            var document = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
            try worker.process(&document, context: .init())
            #expect(document.entities.canonicalIDs.allSatisfy { $0?.hasPrefix("tp:") ?? true })
        }
    }

    /// The walk trusts a root child's signature to end walks at their second token, and
    /// `verify()` checks every signature against the edges: with the signatures cleared (and the
    /// checksum resealed), two-token entries are no longer found and verification names the problem.
    @Test func childSignaturesEndWalksAndAreVerified() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        let buckets = try sectionBytes(.vocabularyBuckets, of: bytes, path: path)
        for bucket in stride(from: buckets.lowerBound, to: buckets.upperBound, by: 32) {
            corrupted.replaceSubrange(bucket + 24 ..< bucket + 32, with: [UInt8](repeating: 0, count: 8))
        }
        GazetteerWriter.sealChecksum(&corrupted)
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        #expect { try gazetteer.verify() } throws: { "\($0)".contains("child signature") }
        var worker = try GazetteerNERStage(gazetteers: [gazetteer]).makeWorker()
        var document = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
        try worker.process(&document, context: .init())
        #expect(document.entities.canonicalIDs.contains("geonames:1871859"))
        #expect(!document.entities.labels.contains(.person))
    }

    /// The matcher probes only the tokens that the vocabulary filter lets through, and `verify()`
    /// checks every vocabulary key against the filter: with the filter cleared (and the checksum
    /// resealed), no token is looked up, nothing is found, and verification names the problem.
    @Test func theVocabularyFilterGatesLookupsAndIsVerified() throws {
        let (path, bytes) = try compiled()
        var corrupted = bytes
        let filter = try sectionBytes(.vocabularyFilter, of: bytes, path: path)
        corrupted.replaceSubrange(filter, with: [UInt8](repeating: 0, count: filter.count))
        GazetteerWriter.sealChecksum(&corrupted)
        try Data(corrupted).write(to: URL(fileURLWithPath: path))
        let gazetteer = try CompiledGazetteer(path: path)
        #expect { try gazetteer.verify() } throws: { "\($0)".contains("vocabulary filter misses") }
        var worker = try GazetteerNERStage(gazetteers: [gazetteer], rules: false).makeWorker()
        var document = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
        try worker.process(&document, context: .init())
        #expect(document.entities.count == 0)
        let intact = try CompiledGazetteer(path: compiled().path)
        var intactWorker = try GazetteerNERStage(gazetteers: [intact], rules: false).makeWorker()
        var again = try NERFixture.tokenized("Kim Jong Un visited Pyongyang, KCNA said.")
        try intactWorker.process(&again, context: .init())
        #expect(again.entities.count == 3)
    }

    /// A worker keeps its walk lists at the longest document's length: a shorter document after a
    /// longer one must read only its own walks, and find what a fresh worker finds.
    @Test func aWorkerReusedOnShorterDocumentsFindsWhatAFreshOneFinds() throws {
        let gazetteer = try CompiledGazetteer(path: compiled().path)
        let long = Array(repeating: "Kim Jong Un visited Pyongyang, KCNA said.", count: 20).joined(separator: " ")
        let texts = [long, "KCNA said.", "Pyongyang", long + " Kim Jong Un", "Kim Jong"]
        var reused = try GazetteerNERStage(gazetteers: [gazetteer]).makeWorker()
        for text in texts {
            var again = try NERFixture.tokenized(text), fresh = again
            try reused.process(&again, context: .init())
            var worker = try GazetteerNERStage(gazetteers: [gazetteer]).makeWorker()
            try worker.process(&fresh, context: .init())
            let spans = { (document: Document) in (0 ..< document.entities.count).map { document.entities.tokenRange($0) } }
            #expect(spans(again) == spans(fresh), "\(text.prefix(20))")
            #expect(Array(again.entities.canonicalIDs) == Array(fresh.entities.canonicalIDs))
        }
    }

    @Test func replacingAMappedFileLeavesTheOldMappingIntact() throws {
        let (path, _) = try compiled()
        let old = try CompiledGazetteer(path: path)
        let source = try NERFixture.source("Seoul\tLOC\n")
        try GazetteerCompiler.write(try GazetteerCompiler.compile(sources: [source]).bytes, to: path)
        try old.verify()
        #expect(old.statistics.entries == 4)
        #expect(try CompiledGazetteer(path: path).statistics.entries == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
