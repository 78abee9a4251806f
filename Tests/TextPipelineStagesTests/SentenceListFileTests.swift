import Testing
import TextPipeline
import TextPipelineStages

/// The word-list and abbreviation data files: one entry per line, `#` comments, fields split on blanks.
@Suite struct SentenceListFileTests {
    @Test func wordListsReadWordsCommentsAndCRLFLines() throws {
        let list = try WordList(parsing: "# heading\nThe\r\n  Hence  # a comment\n\n\tI’m\nlast", source: "test.txt")
        #expect(list.count == 4)
        #expect(list.contains("the") && list.contains("HENCE") && list.contains("I’m") && list.contains("Last"))
        #expect(!list.contains("heading") && !list.contains("comment"))
    }

    @Test func aWordListLineWithTwoWordsNamesItsLine() {
        #expect {
            _ = try WordList(parsing: "one\n# two\ntwo words # here\n", source: "test.txt")
        } throws: { ($0 as? StageError)?.message == "test.txt:3: expected one word of at most 15 bytes, found 'two words '" }
    }

    @Test func abbreviationsReadTheirClassAndDropFinalPeriods() throws {
        let list = try AbbreviationList(parsing: "Dr. prefix\nno number # before numbers\na.m. time\ninc.\n", source: "abbr.txt")
        #expect(list.count == 4)
        #expect(list.contains("dr") && list.contains("No.") && list.contains("a.m") && list.contains("Inc"))
        #expect(Array("a.m".utf8).withUnsafeBufferPointer { list.kind(of: $0) } == .time)
        #expect(Array("dr".utf8).withUnsafeBufferPointer { list.kind(of: $0) } == .prefix)
        #expect(Array("inc".utf8).withUnsafeBufferPointer { list.kind(of: $0) } == .general)
    }

    @Test func anUnknownAbbreviationClassOrAnOverlongEntryNamesItsLine() {
        #expect {
            _ = try AbbreviationList(parsing: "dr prefix\nst general\n", source: "abbr.txt")
        } throws: {
            ($0 as? StageError)?.message
                == "abbr.txt:2: expected 'abbreviation' or 'abbreviation CLASS' with CLASS one of "
                + "prefix, number, time; found 'st general'"
        }
        #expect {
            _ = try AbbreviationList(parsing: "abcdefghijklmnop.\n", source: "abbr.txt")
        } throws: { ($0 as? StageError)?.message == "abbr.txt:1: expected an abbreviation of 1 to 15 bytes, found 'abcdefghijklmnop.'" }
    }
}
