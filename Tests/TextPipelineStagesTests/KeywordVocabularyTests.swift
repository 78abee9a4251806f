import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The vocabulary ``TermAnalysis`` keeps from one document to the next changes no
/// result: a document analysed after others gives exactly what a fresh analysis gives.
@Suite struct KeywordVocabularyTests {
    static let texts = [
        "The Bank of England raised rates. The bank's governor, Andrew Bailey, said U.S. rates matter.\nMarkets Fell",
        "Rates rose again at the BANK. Long-awaited reforms of the internationally known banking system; internationalisation stalled.",
        "Kim’s visit to Zürich: naïve ÉLYSÉE officials met AT&T and iPhone makers in 2024, at 3.5 percent.",
        "bank Bank BANK banks internationally internationallx abcdefghijklmnopq abcdefghijklmnopr I a A",
    ]

    static func document(_ text: String, title: String? = nil) throws -> Document {
        try DocumentFixtures.analyse(text, with: DocumentFixtures.sentencePipeline(), title: title)
    }

    static var stopWords: StopWordList { StopWordList(parsing: "the\nof\nat\nto\nin\nand\nbank") }

    /// Everything an analysis leaves for the later steps, in comparable form.
    struct Snapshot: Equatable {
        /// Per word: term, flags, first token, end token, surface end, sentence.
        var words: [[Int]] = []
        /// Per term: count, acronyms, capitalised, sentences, stop, numeric, in title, then its key.
        var terms: [[Int]] = []
        var hashes: [UInt64] = []
        var pairs: [Int64] = []
        var blocks: [[Int32]] = []
        var sentences = 0
        var titleTerms = 0

        init(_ analysis: TermAnalysis) {
            for word in 0 ..< analysis.wordCount {
                let info = analysis.words[word]
                words.append([
                    Int(analysis.wordTerm[word]), Int(analysis.wordFlags[word]), Int(info.firstToken), Int(info.endToken),
                    Int(info.surfaceEnd), Int(info.sentence),
                ])
            }
            for term in 0 ..< analysis.termTotal {
                let stats = analysis.terms[term]
                let flags = [stats.isStop, stats.isNumeric, stats.inTitle].map { $0 ? 1 : 0 }
                terms.append(
                    [Int(stats.count), Int(stats.acronyms), Int(stats.capitalised), Int(stats.sentences)] + flags
                        + analysis.table.key(Int32(term)).map(Int.init))
            }
            hashes = Array(analysis.table.hashes)
            pairs = Array(analysis.termSentencePairs)
            blocks = [Array(analysis.blockStarts), Array(analysis.blockEnds)]
            sentences = analysis.sentences
            titleTerms = analysis.titleTerms
        }
    }

    static func snapshot(
        _ analysis: inout TermAnalysis, _ document: Document, stopWords: StopWordList = Self.stopWords, minLength: Int = 3
    ) -> Snapshot {
        analysis.analyse(document, stopWords: stopWords, minLength: minLength)
        analysis.markTitle(document.title)
        return Snapshot(analysis)
    }

    @Test func aWarmVocabularyGivesWhatAFreshOneGives() throws {
        var warm = TermAnalysis()
        let stopWords = Self.stopWords
        for (index, text) in (Self.texts + Self.texts.reversed()).enumerated() {
            // Titles name words of other texts, which must not count as in the title.
            let document = try Self.document(text, title: "Governor Bailey: rates, BANK and Zürich")
            var fresh = TermAnalysis()
            let expected = Self.snapshot(&fresh, document, stopWords: stopWords)
            #expect(Self.snapshot(&warm, document, stopWords: stopWords) == expected, "text \(index)")
            #expect(!expected.words.isEmpty)
        }
        #expect(warm.surfaces.count > 40)
    }

    @Test func changedStopWordsOrLengthDropTheVocabulary() throws {
        let document = try Self.document("The bank and the rates of a bank.")
        var analysis = TermAnalysis()
        var list = Self.stopWords
        _ = Self.snapshot(&analysis, document, stopWords: list)
        list.insert("rates")
        for minLength in [3, 5] {
            var fresh = TermAnalysis()
            let expected = Self.snapshot(&fresh, document, stopWords: list, minLength: minLength)
            #expect(Self.snapshot(&analysis, document, stopWords: list, minLength: minLength) == expected, "min length \(minLength)")
        }
    }

    @Test func aVocabularyOverItsLimitsIsDroppedBetweenDocuments() throws {
        let documents = try Self.texts.map { try Self.document($0) }
        for (limit, byteLimit) in [(8, 1 << 22), (1 << 17, 16)] {
            var analysis = TermAnalysis()
            analysis.vocabularyLimit = limit
            analysis.vocabularyByteLimit = byteLimit
            for round in 0 ..< 2 {
                for document in documents {
                    var fresh = TermAnalysis()
                    let expected = Self.snapshot(&fresh, document)
                    #expect(Self.snapshot(&analysis, document) == expected, "round \(round)")
                    // Only this document's surfaces, plus those of one more over the limit, are kept.
                    #expect(analysis.surfaces.count <= expected.words.count + 20)
                }
            }
        }
    }

    /// The probe compares a surface's later chunks, not only its first 8 bytes and length.
    @Test func surfacesThatDifferAfterTheirFirstChunkAreTwo() {
        var table = SurfaceTable()
        let first = Array("abcdefghijklmnopq".utf8) + [UInt8](repeating: 0x41, count: 8)
        let second = Array("abcdefghijklmnopr".utf8) + [UInt8](repeating: 0x41, count: 8)
        let count = 17
        first.withUnsafeBytes { first in
            second.withUnsafeBytes { second in
                let (hash, head) = SurfaceTable.hash(first.baseAddress!, count: count)
                #expect(table.find(first.baseAddress!, count: count, hash: hash, head: head) == -1)
                let entry = SurfaceTable.Entry(
                    head: 0, tail: 0, length: 0, form: 7, flags: 0, shapes: WordShapes(TermFolding.Letters(), count: count), dropped: 0)
                let index = table.insert(first.baseAddress!, count: count, hash: hash, head: head, entry: entry)
                #expect(table.find(first.baseAddress!, count: count, hash: hash, head: head) == index)
                #expect(table.entries[index].form == 7)
                // Same head, length and (forced) hash: only the tail tells them apart.
                #expect(table.find(second.baseAddress!, count: count, hash: hash, head: head) == -1)
                // Bytes after the surface are not part of it.
                #expect(table.find(first.baseAddress!, count: 16, hash: hash, head: head) == -1)
            }
        }
    }

    static let shapeWords = ["a", "A", "I", "US", "U.S", "the", "The", "THE", "McDonald", "iPhone", "AT&T", "Élysée", "1987", "X1"]

    @Test(arguments: shapeWords)
    func packedShapesAreTheShapesAtEachPosition(_ word: String) {
        let bytes = Array(word.utf8) + [UInt8](repeating: 0, count: 8)
        var letters = TermFolding.Letters()
        let folded = FoldBuffer()
        bytes.withUnsafeBufferPointer { all in
            _ = TermFolding.fold(UnsafeBufferPointer(rebasing: all[0 ..< word.utf8.count]), into: folded.reserve(word.utf8.count), letters: &letters)
        }
        let shapes = WordShapes(letters, count: word.utf8.count)
        for position in 0 ..< 3 {
            let shape = WordShape.of(letters, count: word.utf8.count, position: position)
            let counts = shapes.counts(isLater: position > 0)
            #expect(counts.acronym == (shape == .acronym ? 1 : 0), "\(word) at \(position)")
            #expect(counts.capitalised == (shape == .capitalised ? 1 : 0), "\(word) at \(position)")
        }
    }
}
