import TestSupport
import Testing
import TextPipeline

/// `sentences.icu@1` and line breaks (`newline: auto`): hard-wrapped newswire
/// against authored web text. Each case is the text and the expected sentences.
@Suite struct SentenceLineTests {
    static let wrapped = """
        Henley Group Inc's M.W. Kellogg Co unit
        said it was selected by <Chinese Petroleum Corp> to design,
        engineer and build a ethylene plant at Chinese
        Petroleum's Kaohsiung refinery in Taiwan. Terms of the contract
        were not disclosed, but Kellogg said the total cost of
        the plant will be 300 mln dlrs, officials from the company said
            The plant will go into operation in 1990, Kellogg said.
        """

    @Test func hardWrappedNewswireDoesNotBreakAtLineEnds() throws {
        #expect(
            try DocumentFixtures.sentences(Self.wrapped) == [
                "Henley Group Inc's M.W. Kellogg Co unit\nsaid it was selected by <Chinese Petroleum Corp> to design,\nengineer and build a ethylene plant at Chinese\nPetroleum's Kaohsiung refinery in Taiwan.",
                "Terms of the contract\nwere not disclosed, but Kellogg said the total cost of\nthe plant will be 300 mln dlrs, officials from the company said",
                "The plant will go into operation in 1990, Kellogg said.",
            ])
    }

    @Test(
        "wrapped text: dates, dashes and headings at line starts",
        arguments: [
            (
                "The merger of Vernitron Corp with SB Holding Corp is set for July\n10. Vernitron, which makes motors, agreed to it in a vote\nlast week after a long fight over the terms of the deal and price.",
                [
                    "The merger of Vernitron Corp with SB Holding Corp is set for July\n10.",
                    "Vernitron, which makes motors, agreed to it in a vote\nlast week after a long fight over the terms of the deal and price.",
                ]
            ),
            (
                "Reagan has come under heavy pressure to take tougher action\n- especially against Japan - to end unfair trade practices by\nthe end of the year, officials in Washington said on Tuesday.",
                [
                    "Reagan has come under heavy pressure to take tougher action\n- especially against Japan - to end unfair trade practices by\nthe end of the year, officials in Washington said on Tuesday."
                ]
            ),
            (
                "The bank cut its lending rate by one percentage point to 14 pct\nfrom 15 pct, and the other banks are expected to follow it\nto 14 Inc.\n    Kunthon of Thai Farmers said the cut was expected.",
                [
                    "The bank cut its lending rate by one percentage point to 14 pct\nfrom 15 pct, and the other banks are expected to follow it\nto 14 Inc.",
                    "Kunthon of Thai Farmers said the cut was expected.",
                ]
            ),
            (
                "USSR GRAIN OUTLOOK\nThe Soviet Union will import more grain this year than last year,\nthe Agriculture Department said in its monthly report on Tuesday.",
                [
                    "USSR GRAIN OUTLOOK",
                    "The Soviet Union will import more grain this year than last year,\nthe Agriculture Department said in its monthly report on Tuesday.",
                ]
            ),
        ])
    func wrappedText(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "authored text: headings, lists and continuations",
        arguments: [
            (
                "Putter King Trophy\n(6 3/4\" Crystal Trophy - Picture Coming Soon)\nThe team will judge the hunt.",
                ["Putter King Trophy", "(6 3/4\" Crystal Trophy - Picture Coming Soon)", "The team will judge the hunt."]
            ),
            ("features\ncontact manager\nevents, activities\n", ["features", "contact manager", "events, activities"]),
            ("Features:\nfast startup\nsmall binary\nThe tool is great.", ["Features:", "fast startup", "small binary", "The tool is great."]),
            ("This is a sentence\ncut off in the middle because pdf.", ["This is a sentence\ncut off in the middle because pdf."]),
            ("You have the best chance if you follow \na few simple guidelines:", ["You have the best chance if you follow \na few simple guidelines:"]),
            ("It was designed to fight at up to 400 yd\n( 365.8 m ).", ["It was designed to fight at up to 400 yd\n( 365.8 m )."]),
            ("Posted on Monday\nThe minister resigned today.", ["Posted on Monday", "The minister resigned today."]),
            ("Read our story below.\ntake our poll - story continues below", ["Read our story below.", "take our poll - story continues below"]),
            (
                "Header 1.2; Attachment Z\n\n\td. Compliance Log – Volume 12 \n\tAttachment A",
                ["Header 1.2; Attachment Z", "d. Compliance Log – Volume 12", "Attachment A"]
            ),
            ("• 9. Stop smoking \n• 10. Get some rest \n \nYou have a chance", ["• 9. Stop smoking", "• 10. Get some rest", "You have a chance"]),
        ])
    func authoredText(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    static let review = """
        Posted by Dave Miller on March 3, 2009 at 10:42 pm in Product Reviews and Ratings
        Great product! I bought this for my daughter and she uses it every single day now.
        The battery lasts about two days with normal use, which is more than enough for us.
        Shipping was fast and the box arrived in perfect condition with all the parts.
        Would buy again
        Rating: 5 stars
        """

    /// Lines of similar length that each end a sentence are authored, not
    /// hard-wrapped: the header and the unpunctuated lines stand alone.
    @Test func webLinesOfSimilarLengthAreNotHardWrapped() throws {
        #expect(
            try DocumentFixtures.sentences(Self.review) == [
                "Posted by Dave Miller on March 3, 2009 at 10:42 pm in Product Reviews and Ratings",
                "Great product!",
                "I bought this for my daughter and she uses it every single day now.",
                "The battery lasts about two days with normal use, which is more than enough for us.",
                "Shipping was fast and the box arrived in perfect condition with all the parts.",
                "Would buy again",
                "Rating: 5 stars",
            ])
    }

    /// A short newswire item whose sentences happen to end at line ends is
    /// still hard-wrapped: a line starting in lower case shows the wrapping.
    @Test func shortNewswireWithSentencesEndingAtLineEndsIsWrapped() throws {
        let text =
            "Arvin Industries Inc said the company's board elected L.K.\nEvans president, succeeding the chairman who retired.\nThe company also said it sold its animal health unit\nto Mobay Corp, another unit of Bayer AG of West Germany."
        #expect(
            try DocumentFixtures.sentences(text) == [
                "Arvin Industries Inc said the company's board elected L.K.\nEvans president, succeeding the chairman who retired.",
                "The company also said it sold its animal health unit\nto Mobay Corp, another unit of Bayer AG of West Germany.",
            ])
    }

    @Test(
        "e-mail and letters: greetings, sign-offs, separators, headers",
        arguments: [
            (
                "Hi John,\nThanks for the update. I will send it tomorrow.\nBest regards,\nMary Smith",
                ["Hi John,", "Thanks for the update.", "I will send it tomorrow.", "Best regards,", "Mary Smith"]
            ),
            ("Thanks,\nBob", ["Thanks,", "Bob"]),
            ("Dear Sir or Madam,\nI am writing to complain about my order.", ["Dear Sir or Madam,", "I am writing to complain about my order."]),
            ("Hey guys,\nanyone know a good mechanic in Austin?", ["Hey guys,", "anyone know a good mechanic in Austin?"]),
            ("Sincerely,\nDr. Alan Grant\nDepartment of Paleontology", ["Sincerely,", "Dr. Alan Grant", "Department of Paleontology"]),
            ("See you at the meeting.\n-- \nJohn Doe\nPhone: 555-1234", ["See you at the meeting.", "--", "John Doe", "Phone: 555-1234"]),
            (
                "Kind regards,\nPeter\n\n-----Original Message-----\nFrom: Sue\nSubject: Re: lunch\n\nAre you free on Friday?",
                ["Kind regards,", "Peter", "-----Original Message-----", "From: Sue", "Subject: Re: lunch", "Are you free on Friday?"]
            ),
            // A sign-off and the name on one line, at the end of the line.
            (
                "We look forward to hearing from you.\n\nRespectfully, George Chriss\n\nStudent",
                ["We look forward to hearing from you.", "Respectfully,", "George Chriss", "Student"]
            ),
            ("Thanks, that helps a lot.", ["Thanks, that helps a lot."]),
            ("Hi John, Mary and Sue are coming too.", ["Hi John, Mary and Sue are coming too."]),
            // A comma line that is long or starts with another word goes on.
            ("In the first quarter of the year,\nsales rose sharply.", ["In the first quarter of the year,\nsales rose sharply."]),
            (
                "All five will be delivered to the Burlington,\nVermont-based airline this year.",
                ["All five will be delivered to the Burlington,\nVermont-based airline this year."]
            ),
            (
                "Thanks to the new rules introduced by the city council last year,\nrents fell.",
                ["Thanks to the new rules introduced by the city council last year,\nrents fell."]
            ),
        ])
    func emailLines(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test func paragraphModeIgnoresSingleLineBreaks() throws {
        #expect(try DocumentFixtures.sentences("Heading\nThe text goes on.", options: "{ newline: paragraph }") == ["Heading\nThe text goes on."])
        #expect(try DocumentFixtures.sentences("Heading\nThe text goes on.", options: "{ newline: auto }") == ["Heading", "The text goes on."])
    }
}

/// Random texts built from the pieces the rules look at: whatever the input,
/// sentences are non-empty, in order, and cover every token exactly once.
@Suite struct SentenceCoverageTests {
    static let pieces = [
        ".", "!", "?", "…", "'", "\"", "(", ")", "[", "]", "\n", "\n\n", " ", " ", " ", ":", ";", ",", "1", "23",
        "a", "A", "Mr", "U.S", "e.g", "•", "-", "‘", "’", "“", "”", "。", "．", "😀", ":)", "\t", "  ", "No", "p",
        "Inc", "The", "world", "I", "ii", "iv", "\u{0964}", "\u{061F}", "\r\n", "www.x.com", "Ab.Cd", "said",
    ]

    @Test(arguments: [1, 2, 3, 4])
    func sentencesCoverEveryToken(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pipeline = try DocumentFixtures.sentencePipeline()
        for _ in 0 ..< 300 {
            let text = (0 ..< next(60)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let document = try DocumentFixtures.analyse(text, with: pipeline)
            var expectedStart = 0
            for index in 0 ..< document.sentences.count {
                let range = document.sentences.tokenRange(index)
                #expect(range.lowerBound == expectedStart && !range.isEmpty, "text: \(text.debugDescription)")
                expectedStart = range.upperBound
            }
            #expect(expectedStart == document.tokens.count, "text: \(text.debugDescription)")
        }
    }
}
