import TestSupport
import Testing
import TextPipeline

/// One case per rule of `sentences.icu@1` (see docs/sentences.md): the text and the expected sentences.
@Suite struct SentenceRuleTests {
    @Test(
        "abbreviations: titles, months, units, Latin, corporate",
        arguments: [
            ("Dr. Watson and Gen. Lee met Sen. Smith.", ["Dr. Watson and Gen. Lee met Sen. Smith."]),
            ("It opened on Jan. 5 and closed in Feb. 2021.", ["It opened on Jan. 5 and closed in Feb. 2021."]),
            ("The rope is 20 ft. long and weighs 3 lbs. only.", ["The rope is 20 ft. long and weighs 3 lbs. only."]),
            ("Bring fruit, e.g. apples, i.e. something sweet, etc. and water.", ["Bring fruit, e.g. apples, i.e. something sweet, etc. and water."]),
            ("They bought pens, paper, etc. The rest was free.", ["They bought pens, paper, etc.", "The rest was free."]),
            ("Acme Corp. said profits rose.", ["Acme Corp. said profits rose."]),
            ("He joined Acme Corp. The firm makes tools.", ["He joined Acme Corp.", "The firm makes tools."]),
            ("The GmbH & Co. KG is a partnership.", ["The GmbH & Co. KG is a partnership."]),
            ("Boston, Mass., is cold. It snowed.", ["Boston, Mass., is cold.", "It snowed."]),
        ])
    func abbreviations(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "common words are not abbreviations",
        arguments: [
            ("They fell ill. Doctors came.", ["They fell ill.", "Doctors came."]),
            ("He said no. Officials agreed.", ["He said no.", "Officials agreed."]),
            ("She loves art. Museums are her home.", ["She loves art.", "Museums are her home."]),
            ("FILED WITH THE SEC. Shares fell.", ["FILED WITH THE SEC.", "Shares fell."]),
        ])
    func commonWords(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "initials and multi-period abbreviations",
        arguments: [
            ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
            ("He lives in the U.S.A. and works for the U.N. in Geneva.", ["He lives in the U.S.A. and works for the U.N. in Geneva."]),
            (
                "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
                ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]
            ),
            ("She gave him the i.v. in his vein. It worked.", ["She gave him the i.v. in his vein.", "It worked."]),
            ("He has a Ph.D. from Yale.", ["He has a Ph.D. from Yale."]),
            ("Stephen C. Paddock and Jonas P. Smith met Albert V. Jones.", ["Stephen C. Paddock and Jonas P. Smith met Albert V. Jones."]),
        ])
    func initials(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "an abbreviation at a real sentence end, decided by what follows",
        arguments: [
            ("There were 500 cases in the U.S. The U.S. Army helped.", ["There were 500 cases in the U.S.", "The U.S. Army helped."]),
            ("Sales rose in the U.S. Officials were pleased.", ["Sales rose in the U.S.", "Officials were pleased."]),
            ("Prices rose in the U.S.\nEurope was flat.", ["Prices rose in the U.S.", "Europe was flat."]),
            ("He works for Apple Inc.", ["He works for Apple Inc."]),
            (
                "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
                ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went home."]
            ),
            ("He left at 6 p.m. Travelers who stayed waited.", ["He left at 6 p.m.", "Travelers who stayed waited."]),
            ("The vote is at 5 p.m. Monday and at 9 a.m. EST on Friday.", ["The vote is at 5 p.m. Monday and at 9 a.m. EST on Friday."]),
        ])
    func abbreviationAtSentenceEnd(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "numbers and list markers",
        arguments: [
            ("Order No. 5 arrived. See p. 55 and pp. 60-62.", ["Order No. 5 arrived.", "See p. 55 and pp. 60-62."]),
            (
                "You can find it at N°. 1026.253.553. That is where the treasure is.",
                ["You can find it at N°. 1026.253.553.", "That is where the treasure is."]
            ),
            ("It cost $3.50 and rose 2.5% in 2010. 5 people bought it.", ["It cost $3.50 and rose 2.5% in 2010.", "5 people bought it."]),
            ("He bought 1,000. That is a lot.", ["He bought 1,000.", "That is a lot."]),
            ("I will be paid Rs. 3520 in total.", ["I will be paid Rs. 3520 in total."]),
            ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
            ("1) one 2) two 3) three", ["1) one", "2) two", "3) three"]),
            ("a. The first item b. The second item", ["a. The first item", "b. The second item"]),
            ("Finally, this. 1.) The first item 2.) The second item", ["Finally, this.", "1.) The first item", "2.) The second item"]),
            ("(i) Hello world.\n(ii) Hello again.", ["(i) Hello world.", "(ii) Hello again."]),
            ("We vote on (a) the budget and (b) the rules.", ["We vote on (a) the budget and (b) the rules."]),
            ("Mark E. Smith. a. here it is b. another", ["Mark E. Smith.", "a. here it is", "b. another"]),
        ])
    func numbersAndLists(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "bullets",
        arguments: [
            ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
            ("⁃9. The first item ⁃10. The second item", ["⁃9. The first item", "⁃10. The second item"]),
            ("Features:\n- fast\n- small\n* cheap", ["Features:", "- fast", "- small", "* cheap"]),
        ])
    func bullets(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "ellipses",
        arguments: [
            (
                "I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it.",
                ["I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it."]
            ),
            ("He talks slowly... And this is another sentence.", ["He talks slowly...", "And this is another sentence."]),
            ("He waited… then he left.", ["He waited… then he left."]),
            (
                "It was weakened . . . was that so. . . . The practice was not abandoned. . . .",
                ["It was weakened . . . was that so.", ". . . The practice was not abandoned. . . ."]
            ),
            ("\"Bohr [...] used the analogy [...]\" (Smith 55).", ["\"Bohr [...] used the analogy [...]\" (Smith 55)."]),
        ])
    func ellipses(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "quotes and brackets around sentence ends",
        arguments: [
            ("He said \"stop.\" Then he left.", ["He said \"stop.\"", "Then he left."]),
            ("He said 'stop.' Then he left.", ["He said 'stop.'", "Then he left."]),
            ("“Is it over?” she asked. “Yes.”", ["“Is it over?” she asked.", "“Yes.”"]),
            ("'So what?' asks Rep. Norman Dicks (D., Wash.), a member.", ["'So what?' asks Rep. Norman Dicks (D., Wash.), a member."]),
            (
                "Leave me alone!, he yelled. I am in the U.S. Army. Charles (Ind.) said he.",
                ["Leave me alone!, he yelled.", "I am in the U.S. Army.", "Charles (Ind.) said he."]
            ),
            ("(Dinah was the cat.) She purred.", ["(Dinah was the cat.)", "She purred."]),
            ("[15:  12:32]  [16:  firma? 13:28]", ["[15:  12:32]  [16:  firma? 13:28]"]),
            ("He left (he said so. Then he came back) early.", ["He left (he said so.", "Then he came back) early."]),
            ("Sales of the iPhone rose. iPhone users were happy.", ["Sales of the iPhone rose.", "iPhone users were happy."]),
            ("Alice thought, `The people! Theft! The holy fire!'", ["Alice thought, `The people! Theft! The holy fire!'"]),
            ("The source continued: 'They ignored him. They shoved him back.'", ["The source continued: 'They ignored him.", "They shoved him back.'"]),
            (
                "For example, ‘it grows in dragon’s blood. It grows on hills’ (see p. 154). Next.",
                ["For example, ‘it grows in dragon’s blood. It grows on hills’ (see p. 154).", "Next."]
            ),
            ("He said, \"We won. We will win again.\"", ["He said, \"We won.", "We will win again.\""]),
            (
                "\"Why not?\" Smith asked. \"Yes!\" John Smith said. \"No!\" Then he left.",
                ["\"Why not?\" Smith asked.", "\"Yes!\" John Smith said.", "\"No!\"", "Then he left."]
            ),
            ("There was too little time. \"\n\nThe report", ["There was too little time. \"", "The report"]),
            ("“We ought to build more monuments.”Commented Joan, “No.”", ["“We ought to build more monuments.”", "Commented Joan, “No.”"]),
        ])
    func quotes(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "runs of ? and !, and names with !",
        arguments: [
            ("Really?! I cannot believe it!!! Yes.", ["Really?!", "I cannot believe it!!!", "Yes."]),
            // Informal text: a lower-case word after "?" or "!" opens the next sentence...
            ("Is it worth it? yes, definitely. Would i go back? absolutely!", ["Is it worth it?", "yes, definitely.", "Would i go back?", "absolutely!"]),
            ("lol that was hilarious!! anyway see u tomorrow", ["lol that was hilarious!!", "anyway see u tomorrow"]),
            ("OMG!!! best news ever", ["OMG!!!", "best news ever"]),
            ("Visit Yahoo! today for news", ["Visit Yahoo! today for news"]),
            // ...but not after a name, before a continuation word, or before an attribution.
            ("Leave me alone! he yelled and ran.", ["Leave me alone! he yelled and ran."]),
            ("Was it real? or just a dream?", ["Was it real? or just a dream?"]),
            ("She works at Yahoo! in the accounting department.", ["She works at Yahoo! in the accounting department."]),
            ("He works at Yahoo! and Y!J.", ["He works at Yahoo! and Y!J."]),
            ("He speaks !Xũ and !Kung.", ["He speaks !Xũ and !Kung."]),
            ("What do you see? - Posted like sentinels, they stand.", ["What do you see?", "- Posted like sentinels, they stand."]),
            ("[?][footnoteRef:6] This is a footnote.", ["[?][footnoteRef:6] This is a footnote."]),
        ])
    func questionsAndExclamations(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "emoticons, emoji, URLs and e-mail addresses",
        arguments: [
            ("Great game! :) See you soon.", ["Great game! :)", "See you soon."]),
            ("We won! 🎉 The party starts now.", ["We won! 🎉", "The party starts now."]),
            ("Thanks a lot :) See you tomorrow.", ["Thanks a lot :)", "See you tomorrow."]),
            ("We won 🎉 The party starts now.", ["We won 🎉", "The party starts now."]),
            ("I ❤️ NY and 😍 it :) really.", ["I ❤️ NY and 😍 it :) really."]),
            ("Visit www.example.com. Then call us.", ["Visit www.example.com.", "Then call us."]),
            ("Her email is Jane.Doe@example.com. I sent her an email.", ["Her email is Jane.Doe@example.com.", "I sent her an email."]),
            ("See http://example.com/a.html?Foo=1! It works.", ["See http://example.com/a.html?Foo=1!", "It works."]),
        ])
    func emoticonsAndAddresses(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "run-together sentences and footnotes",
        arguments: [
            ("Hello world.Today is Tuesday.Mr. Smith left.", ["Hello world.", "Today is Tuesday.", "Mr. Smith left."]),
            ("Test strange period．Does it segment correctly．", ["Test strange period．", "Does it segment correctly．"]),
            ("He is a saint and martyr.[1] The emperor ruled.", ["He is a saint and martyr.[1]", "The emperor ruled."]),
            ("It creates a gap in a consultation.11 12 Take the example.", ["It creates a gap in a consultation.11 12", "Take the example."]),
            ("It was reflective (type 2).10 This model helps.", ["It was reflective (type 2).10", "This model helps."]),
        ])
    func runTogether(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }

    @Test(
        "other scripts",
        arguments: [
            ("你好。我很好。", ["你好。", "我很好。"]),
            ("यह एक वाक्य है। यह दूसरा है।", ["यह एक वाक्य है।", "यह दूसरा है।"]),
        ])
    func otherScripts(text: String, expected: [String]) throws {
        #expect(try DocumentFixtures.sentences(text) == expected)
    }
}
