import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// `external@1`: protocol, failures and restarts, one worker at a time.
@Suite struct ExternalStageTests {
    static let fixtures = CLIHarness.repositoryRoot.appendingPathComponent("Tests/TextPipelineCLITests/Fixtures").path

    func pipeline(_ with: String) throws -> Pipeline {
        try Pipeline.load(
            yaml: """
                version: 1
                stages:
                  - use: tokenize.icu@1
                  - use: external@1
                    with: { \(with) }
                """, file: "p.yaml", baseDirectory: Self.fixtures, registry: .builtin)
    }

    func standard(_ extra: String = "", timeout: Double = 2) throws -> Pipeline {
        try pipeline("name: misbehaving, command: [python3, misbehaving_stage.py], attributes: [length], entities: true, timeout: \(timeout)\(extra)")
    }

    /// The document or the failure for each text, in order, through one worker.
    func run(_ pipeline: Pipeline, _ texts: [String]) throws -> [Result<Document, PipelineError>] {
        var worker = try pipeline.makeWorker()
        var results: [Result<Document, PipelineError>] = []
        for text in texts {
            var document = Document(text: text)
            do {
                try worker.process(&document)
                results.append(.success(document))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    func length(_ result: Result<Document, PipelineError>) -> Double? {
        guard case .success(let document) = result, case .number(let value)? = document.attributes["length"] else { return nil }
        return value
    }

    func failure(_ result: Result<Document, PipelineError>) -> PipelineError? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    @Test func registeredUnderItsVersionedName() {
        #expect(
            StageRegistry.builtin.factory(for: StageID(name: "external", version: 1))?.options.map(\.name)
                == [
                    "command", "name", "send", "entities", "spans", "attributes", "timeout", "start_timeout", "max_reply_bytes", "max_failed_starts",
                    "directory",
                ])
    }

    @Test func oneProcessServesManyArticlesAndIsReplacedAfterACrash() throws {
        let results = try run(standard(), ["PID", "PID", "CRASH", "PID", "héllo"])
        #expect(length(results[0]) != nil && length(results[0]) == length(results[1]))
        #expect(failure(results[2])?.message.contains("exited with status 3") == true)
        #expect(length(results[3]) != nil && length(results[3]) != length(results[0]))
        #expect(length(results[4]) == 5)
    }

    @Test func extraOutputOrAnExitAfterAReplyIsRepairedBeforeTheNextArticle() throws {
        var worker = try standard().makeWorker()
        func length(_ text: String) throws -> Double? {
            var document = Document(text: text)
            try worker.process(&document)
            if case .number(let value)? = document.attributes["length"] { return value }
            return nil
        }
        #expect(try length("TWICE") == 5)
        Thread.sleep(forTimeInterval: 0.3)  // the second line has surely arrived
        let pid = try length("PID")
        #expect(try length("EXIT_AFTER") == 10)
        Thread.sleep(forTimeInterval: 0.5)  // the process has surely exited
        let newPID = try length("PID")
        #expect(pid != nil && newPID != nil && pid != newPID)
    }

    @Test func partialLineHugeLineAndBadRepliesFailOnlyTheirArticle() throws {
        let results = try run(standard(", max_reply_bytes: 65536"), ["PARTIAL", "ok", "HUGE", "ok!", "UNDECLARED", "REFUSE", "fine"])
        #expect(failure(results[0])?.kind == .timeout)
        #expect(length(results[1]) == 2)
        #expect(failure(results[2])?.message.contains("longer than 65536 bytes") == true)
        #expect(length(results[3]) == 3)
        #expect(failure(results[4])?.message.contains("span layer 'other' was not declared") == true)
        #expect(failure(results[5])?.message.contains("refused on purpose") == true)
        #expect(length(results[6]) == 4)
    }

    @Test func entitiesMustAlignWithTokens() throws {
        let results = try run(standard(), ["Über ENTITY here", "SPLIT"])
        guard case .success(let document) = results[0] else { Issue.record("\(results[0])"); return }
        #expect(document.entities.count == 1)
        #expect(document.text(ofEntity: 0) == "ENTITY")
        #expect(document.entities.canonicalIDs[0] == "t:1")
        #expect(failure(results[1])?.message.contains("token boundaries") == true)
    }

    @Test func articleDeadlineBoundsTheWait() throws {
        var worker = try standard(timeout: 60).makeWorker()
        var document = Document(text: "HANG")
        let started = ContinuousClock.now
        #expect(throws: PipelineError.self) { try worker.process(&document, context: StageContext(deadline: .now + .milliseconds(300))) }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func handshakeNameMismatchIsAStartFailure() throws {
        let results = try run(pipeline("name: other, command: [python3, misbehaving_stage.py, wrong-name], attributes: [length]"), ["x", "y"])
        #expect(failure(results[0])?.message.contains("calls itself 'wrong-name'") == true)
        // No restart mends a wrong name: the next article fails at once, naming the cause.
        #expect(failure(results[1])?.message.contains("gave up on the stage") == true)
        #expect(throws: StageError.self) {
            try self.standardStage("name: other, command: [python3, misbehaving_stage.py, wrong-name], attributes: [length]").checkStartup()
        }
    }

    /// The `external@1` stage itself (for ``Stage/checkStartup()``).
    func standardStage(_ with: String) throws -> any Stage {
        try pipeline(with).stages[1]
    }

    @Test func startupCheckRunsTheHandshakeOnce() throws {
        try standardStage("name: misbehaving, command: [python3, misbehaving_stage.py], attributes: [length]").checkStartup()
        #expect { try self.standardStage("name: x, command: [sleep, \"30\"], attributes: [length], start_timeout: 0.3").checkStartup() } throws: {
            "\($0)".contains("no handshake within 0.3 s")
        }
    }

    /// A stage that dies on every article is not restarted for every article: after three
    /// processes in a row failed before serving one, the rest fail at once.
    @Test func aStageCrashingOnEveryArticleIsGivenUpAfterThreeStarts() throws {
        let started = ContinuousClock.now
        let results = try run(standard(), Array(repeating: "CRASH", count: 10))
        let messages = results.map { failure($0)?.message ?? "" }
        #expect(messages[0].contains("exited with status 3") && messages[1].contains("exited with status 3"))
        #expect(!messages[1].contains("gave up"))
        for message in messages[2...] {
            #expect(message.contains("gave up on the stage for the rest of the run (3 processes in a row failed before serving an article)"), "\(message)")
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func aStageThatNeverAnswersTheHandshakeCostsTheStartTimeoutThreeTimesOnly() throws {
        let started = ContinuousClock.now
        let results = try run(
            pipeline("name: x, command: [sleep, \"30\"], attributes: [length], start_timeout: 0.5, max_failed_starts: 2"),
            Array(repeating: "a", count: 8))
        #expect(failure(results[0])?.message.contains("no handshake within 0.5 s") == true)
        #expect(results[1...].allSatisfy { failure($0)?.message.contains("gave up on the stage") == true })
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    /// Failures that a working process separates are not counted together.
    @Test func aStageThatServesBetweenCrashesIsNeverGivenUp() throws {
        let results = try run(standard(), ["CRASH", "a", "CRASH", "b", "CRASH", "c", "CRASH", "d", "CRASH", "e"])
        for (index, result) in results.enumerated() where index % 2 == 1 { #expect(length(result) == 1) }
        #expect(!results.contains { failure($0)?.message.contains("gave up") == true })
    }

    @Test func requestCarriesTextAndRequestedLayersInCodePoints() throws {
        var document = Document(text: "é b")
        document.tokens.append(start: 0, end: 2, kind: .word)
        document.tokens.append(start: 3, end: 4, kind: .word)
        var buffer = JSONBuffer()
        ExternalProtocol.request(document, seq: 4, layers: [.tokens], into: &buffer)
        let line = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(
            line
                == #"{"type":"analyse","seq":4,"id":"doc","text":"é b","layers":{"tokens":[{"start":0,"end":1,"kind":"word"},{"start":2,"end":3,"kind":"word"}]}}"#
                + "\n")
    }

    @Test(
        "configuration errors name the option",
        arguments: [
            ("name: x, attributes: [a]", "stages[1].with: expected 'command: [program, args...]'"),
            ("name: x, command: [no-such-program-here], attributes: [a]", "stages[1].with.command: cannot find an executable 'no-such-program-here' in PATH"),
            ("command: [python3], attributes: [a]", "missing option 'name'"),
            ("name: x, command: [python3]", "the stage declares no output"),
            ("name: x, command: [python3], attributes: [a], send: [keywords]", "stages[1].with.send: expected layers among tokens, sentences, entities"),
            ("name: x, command: [python3], attributes: [a], timeout: 0", "stages[1].with.timeout: expected a number of seconds above 0"),
            ("name: x, command: [python3], spans: [\"a b\"]", "stages[1].with.spans: a name holds letters"),
            ("name: x, command: [python3], attributes: [a], max_failed_starts: 0", "stages[1].with.max_failed_starts"),
        ])
    func configurationErrors(with: String, expected: String) {
        do {
            _ = try pipeline(with)
            Issue.record("no error for \(with)")
        } catch {
            #expect("\(error)".contains(expected), "got: \(error)")
        }
    }
}
