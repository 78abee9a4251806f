import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// `rules.tokens@1`: conditions, quantifiers, alternatives, actions and matching semantics.
@Suite struct RulesTokensTests {
    /// Tokenizes `text`, lets `prepare` fill layers (entities), runs the rules and returns the document.
    func run(_ rules: String, on text: String, prepare: (inout Document) -> Void = { _ in }) throws -> Document {
        let tokenizer = try ICUTokenizerStage()
        var tokenWorker = try tokenizer.makeWorker()
        var document = Document(text: text)
        try tokenWorker.process(&document, context: StageContext())
        prepare(&document)
        let stage = try RulesTokensStage(yaml: "version: 1\n" + rules, file: "r.yaml")
        var worker = try stage.makeWorker()
        try worker.process(&document, context: StageContext())
        return document
    }

    /// The spans of `layer` as markup over the document's text.
    func spans(_ document: Document, _ layer: String) -> [SpanMarkup.Span] {
        guard let spans = document.spans[layer] else { return [] }
        return (0 ..< spans.count).map {
            SpanMarkup.Span(text: document.text(bytes: Int(spans.starts[$0]) ..< Int(spans.ends[$0])), label: spans.labels[$0] ?? "")
        }
    }

    func entities(_ document: Document) -> [SpanMarkup.Span] {
        (0 ..< document.entities.count).map { SpanMarkup.Span(text: document.text(ofEntity: $0), label: document.entities.labels[$0].rawValue) }
    }

    func expectSpans(_ rules: String, _ markup: String, layer: String = "m", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = SpanMarkup(markup)
        let document = try run(rules, on: expected.text)
        #expect(spans(document, layer) == expected.spans, sourceLocation: sourceLocation)
    }

    @Test func moneyWithOptionalCurrencyAndUnit() throws {
        try expectSpans(
            """
            word_lists:
              units: [mln, million, billion]
            rules:
              - name: money
                pattern:
                  - { text: ["$", "€"], op: "?" }
                  - { kind: number }
                  - { in: units, op: "?" }
                  - { lower: [dollars, dlrs] }
                action: { add_span: m, label: MONEY }
            """, "It paid [[$ 300 mln dlrs]]MONEY and [[12 Dollars]]MONEY, not 12 euros.")
    }

    @Test func shapesRegexAndKinds() throws {
        try expectSpans(
            """
            rules:
              - name: year
                pattern: [ { shape: dddd, regex: "(19|20)[0-9]{2}" } ]
                action: { add_span: m, label: YEAR }
              - name: title
                pattern: [ { shape: [Xxxxx, Xxxx] }, { kind: punctuation, text: "." , op: "?"}, { shape: Xx } ]
                action: { add_span: m, label: T }
            """, "In [[1987]]YEAR and 2187, [[Mister Li]]T met [[Prof. Wu]]T in 3000.")
    }

    @Test func leftmostLongestNonOverlappingAndGreedy() throws {
        // a+ over "a a a": one match of three tokens, not three of one.
        try expectSpans(
            """
            rules:
              - name: run
                pattern: [ { lower: a, op: "+" }, { lower: b, op: "*" } ]
                action: { add_span: m, label: R }
            """, "x [[a A a b b]]R x [[a]]R")
        // The leftmost start wins even when a later start would be longer.
        try expectSpans(
            """
            rules:
              - name: overlap
                pattern: [ { any_of: [ [ { lower: a }, { lower: b } ], [ { lower: b }, { lower: c }, { lower: d } ] ] } ]
                action: { add_span: m, label: O }
            """, "[[a b]]O c d")
    }

    @Test func boundedQuantifiersAndAlternatives() throws {
        try expectSpans(
            """
            rules:
              - name: bounded
                pattern:
                  - { text: x }
                  - { any_of: [ [ { text: y } ], [ { text: z }, { text: z } ] ], op: "{2,3}" }
                action: { add_span: m, label: B }
            """, "x y [[x y y]]B [[x z z y z z]]B [[x y y y]]B y")
    }

    @Test func pathologicalPatternOnLongInputIsLinear() throws {
        // (a|a a)* b over 20 000 a's with no b: a backtracking matcher would never finish.
        let text = String(repeating: "a ", count: 20_000)
        let clock = ContinuousClock()
        let started = clock.now
        let document = try run(
            """
            rules:
              - name: never
                pattern: [ { any_of: [ [ { text: a } ], [ { text: a }, { text: a } ] ], op: "*" }, { text: b } ]
                action: { add_span: m }
            """, on: text)
        #expect(document.spans["m"] == nil)
        #expect(clock.now - started < .seconds(5))
    }

    @Test func addEntityThenConditionOnItThenRelabel() throws {
        let document = try run(
            """
            word_lists:
              titles: { words: [President, Minister], ignore_case: true }
            rules:
              - name: person
                pattern: [ { in: titles }, { shape: [Xxxxx, Xxxx, Xxx, Xx], op: "+" } ]
                action: { add_entity: PER, id: "tp:person" }
              - name: person-verbs
                pattern: [ { entity: PER, op: "+" }, { lower: said } ]
                action: { add_span: m, label: SAID }
              - name: minister-is-misc
                pattern: [ { lower: minister }, { entity: "*", op: "+" } ]
                action: { relabel: MISC }
            """, on: "president Moon Jae said that Minister Kim Jong left.")
        #expect(entities(document) == [.init(text: "president Moon Jae", label: "PER"), .init(text: "Minister Kim Jong", label: "MISC")])
        #expect(document.entities.canonicalIDs.first == "tp:person")
        #expect(spans(document, "m") == [.init(text: "president Moon Jae said", label: "SAID")])
    }

    @Test func existingEntitiesWinAndRelabelOnlyInsideMatches() throws {
        let document = try run(
            """
            rules:
              - name: org
                pattern: [ { shape: Xxxxx, op: "+" }, { text: Inc } ]
                action: { add_entity: ORG }
              - name: loc-in-korea
                pattern: [ { entity: LOC }, { text: "," }, { text: Korea } ]
                action: { relabel: MISC }
            """, on: "Acme Widgets Inc sold Seoul, Korea and Busan."
        ) { document in
            document.entities.append(tokens: 1 ..< 2, label: .organization, canonicalID: nil)  // Widgets
            document.entities.append(tokens: 4 ..< 5, label: .location, canonicalID: nil)  // Seoul
            document.entities.append(tokens: 8 ..< 9, label: .location, canonicalID: nil)  // Busan
        }
        #expect(entities(document) == [.init(text: "Widgets", label: "ORG"), .init(text: "Seoul", label: "MISC"), .init(text: "Busan", label: "LOC")])
    }

    @Test func nonASCIILowerAndShape() throws {
        try expectSpans(
            """
            rules:
              - name: city
                pattern: [ { lower: ["münchen", "łódź"] } ]
                action: { add_span: m, label: C }
              - name: shaped
                pattern: [ { shape: Xxxxx, text: Ärger } ]
                action: { add_span: m, label: S }
            """, "From [[MÜNCHEN]]C to [[Łódź]]C with [[Ärger]]S.")
    }

    @Test func registeredUnderItsVersionedName() {
        #expect(StageRegistry.builtin.factory(for: StageID(name: "rules.tokens", version: 1))?.options.map(\.name) == ["rules"])
    }

    @Test func equalConditionsAreEvaluatedOnce() throws {
        let stage = try RulesTokensStage(
            yaml: """
                version: 1
                rules:
                  - { name: a, pattern: [ { kind: number, text: ["1", "2"] }, { lower: x } ], action: { add_span: m } }
                  - { name: b, pattern: [ { text: ["2", "1"], kind: number, op: "+" }, { lower: y } ], action: { add_span: m } }
                """)
        #expect(stage.rules.specs.count == 3)
    }

    @Test func wiringAndProvides() throws {
        let stage = try RulesTokensStage(
            yaml: """
                version: 1
                rules:
                  - { name: a, pattern: [ { entity: PER } ], action: { add_span: people } }
                  - { name: b, pattern: [ { text: x } ], action: { relabel: MISC } }
                """)
        #expect(stage.requires == [.tokens, .entities])
        #expect(stage.provides == [.spans("people"), .entities])
    }

    @Test(
        "malformed rules name the file, the rule and the problem",
        arguments: [
            (
                "rules:\n  - name: a\n    pattern: [ { txt: x } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].txt: unknown key; expected one of: text, lower"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { text: x, op: \"**\" } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].op: expected ?, *, +"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { text: x, op: \"?\" } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern: every element is optional"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { regex: \"(ab\" } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].regex: invalid regular expression '(ab'"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { regex: '(a*)x\\1' } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].regex: invalid regular expression '(a*)x\\1': back-references such as \\1 are not supported"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { regex: '([a-z]{1,200}){1,200}' } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].regex: invalid regular expression '([a-z]{1,200}){1,200}': the pattern expands to more than 10000 elements"
            ),
            (
                "rules:\n  - name: a\n    pattern: [ { in: nope } ]\n    action: { add_span: m }\n",
                "r.yaml:4: rules[0] (a).pattern[0].in: unknown word list 'nope'"
            ),
            ("rules:\n  - name: a\n    pattern: [ { kind: verb } ]\n    action: { add_span: m }\n", "rules[0] (a).pattern[0].kind: unknown token kind 'verb'"),
            (
                "rules:\n  - name: a\n    pattern: [ { text: x } ]\n    action: { add_span: m, relabel: X }\n",
                "r.yaml:5: rules[0] (a).action: expected exactly one of add_entity, add_span or relabel, found 2"
            ),
            ("rules:\n  - name: a\n    pattern: [ { text: x } ]\n", "r.yaml:3: rules[0] (a): missing key 'action'"),
            ("rules:\n  - name: a\n    pattern: [ { text: x, op: \"{3,1}\" } ]\n    action: { add_span: m }\n", "rules[0] (a).pattern[0].op: the upper bound"),
            (
                "rules:\n  - { name: a, pattern: [ { text: x } ], action: { add_span: m } }\n  - { name: a, pattern: [ { text: y } ], action: { add_span: m } }\n",
                "rules[1] (a).name: another rule is already named 'a'"
            ),
            ("rules: []\n", "r.yaml:2: rules: expected at least one rule"),
            (
                "rules:\n  - name: big\n    pattern: [ { op: \"{64}\", any_of: [ [ { op: \"{64}\", any_of: [ [ { text: a, op: \"{64}\" } ] ] } ] ] } ]\n    action: { add_span: m }\n",
                "rules[0] (big).pattern: the pattern compiles to more than"
            ),
        ])
    func malformedRule(yaml: String, expected: String) {
        do {
            _ = try RulesTokensStage(yaml: "version: 1\n" + yaml, file: "r.yaml")
            Issue.record("no error for \(yaml)")
        } catch {
            #expect("\(error)".contains(expected), "got: \(error)")
        }
    }

    @Test("regexes within the limits load", arguments: ["[\\1]x", "[]\\9]", "[[:digit:]]{1,4}", "\\.", "a{2,}b", "(ab|cd){1,99}", "x{}"])
    func regexWithinLimits(pattern: String) throws {
        try PosixRegexLimits.check(pattern)
    }

    @Test(
        "expanded sizes count every copy",
        arguments: [
            ("a{10000}", true), ("a{10001}", false), ("(a{1,100}){1,99}", true),
            ("(a{1,100}){1,100}", false), ("(ab|c){5000}", false), ("(a{100}){100,}", false),
        ])
    func expandedSize(pattern: String, fits: Bool) {
        #expect(((try? PosixRegexLimits.check(pattern)) != nil) == fits)
    }

    @Test func pipelineFileResolvesRulesFileAndReportsItsErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\nrules:\n  - name: bad\n    pattern: []\n    action: { add_span: m }\n"
            .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let yaml = "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: rules.tokens@1\n    with: { rules: bad.yaml }\n"
        #expect {
            _ = try Pipeline.load(yaml: yaml, file: "p.yaml", baseDirectory: folder.path, registry: .builtin)
        } throws: { error in
            "\(error)".contains("bad.yaml:4: rules[0] (bad).pattern: expected at least one pattern element")
        }
    }
}
