import TestSupport
import Testing
import TextPipeline

/// `sentences.icu@1` on ordinary news. Each case is the text and the expected sentences.
@Suite struct SentenceTests {
    @Test(
        "sentence boundaries",
        arguments: [
            ("He left. She stayed.", ["He left.", "She stayed."]),
            ("Mr. Smith met Dr. Jones at 5 p.m. on Monday.", ["Mr. Smith met Dr. Jones at 5 p.m. on Monday."]),
            ("Jonas E. Smith arrived.", ["Jonas E. Smith arrived."]),
            ("See p. 55 for details.", ["See p. 55 for details."]),
            ("The U.S. economy grew.", ["The U.S. economy grew."]),
            ("It cost $3.50 today. Prices rose 2.5% on Friday.", ["It cost $3.50 today.", "Prices rose 2.5% on Friday."]),
            ("He said \"stop.\" Then he left.", ["He said \"stop.\"", "Then he left."]),
            ("Is it? Yes! Really?!", ["Is it?", "Yes!", "Really?!"]),
            ("He works for Apple Inc. The company is big.", ["He works for Apple Inc.", "The company is big."]),
            ("He works for Apple Inc. and likes it.", ["He works for Apple Inc. and likes it."]),
            ("She lives in St. Louis now.", ["She lives in St. Louis now."]),
            ("Order No. 5 was shipped.", ["Order No. 5 was shipped."]),
        ])
    func boundaries(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test func singleLineBreakInsideAParagraphDoesNotEndASentence() throws {
        let wrapped = "The central bank raised\nrates on Tuesday, officials\nsaid."
        #expect(try DocumentFixtures.sentences(wrapped) == ["The central bank raised\nrates on Tuesday, officials\nsaid."])
    }

    @Test func blankLineAlwaysEndsASentence() throws {
        #expect(try DocumentFixtures.sentences("Headline without period\n\nBody text here.") == ["Headline without period", "Body text here."])
        #expect(try DocumentFixtures.sentences("First part\r\n\r\nsecond part") == ["First part", "second part"])
    }

    @Test func lineModeEndsASentenceAtEveryLineBreak() throws {
        let sentences = try DocumentFixtures.sentences("one sentence\nanother one\nthird", options: "{ newline: line }")
        #expect(sentences == ["one sentence", "another one", "third"])
    }

    @Test func abbreviationListCanBeExtendedAndShrunk() throws {
        #expect(try DocumentFixtures.sentences("Talk to Insp. Morse today.").count == 1)
        #expect(try DocumentFixtures.sentences("He met Xyz. Brown today.").count == 2)
        #expect(try DocumentFixtures.sentences("He met Xyz. Brown today.", options: "{ abbreviations: { add_prefix: [xyz] } }").count == 1)
        #expect(try DocumentFixtures.sentences("Talk to Insp. Morse today.", options: "{ abbreviations: { remove: [insp] } }").count == 2)
    }

    @Test func sentencesCoverEveryTokenOnce() throws {
        let text = "A. B. C. d e f. G? \"H!\" (I.) J"
        let document = try DocumentFixtures.analyse(text, with: DocumentFixtures.sentencePipeline())
        var next = 0
        for index in 0 ..< document.sentences.count {
            let range = document.sentences.tokenRange(index)
            #expect(range.lowerBound == next)
            #expect(!range.isEmpty)
            next = range.upperBound
        }
        #expect(next == document.tokens.count)
    }

    @Test func emptyAndWhitespaceTextsHaveNoSentences() throws {
        #expect(try DocumentFixtures.sentences("").isEmpty)
        #expect(try DocumentFixtures.sentences(" \n\n\t ").isEmpty)
    }
}
