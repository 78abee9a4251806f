import Testing
import TextPipeline

/// A stage that fails every article with a kind of its own.
struct LexiconGapStage: StatelessStage {
    static let configuration = StageConfiguration(id: "test.gap@1", summary: "fails with its own kind")
    init(options: StageOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        throw StageError(kind: ErrorKind(rawValue: "lexicon_gap"), "no entry")
    }
}

/// Error kinds are typed constants whose raw values are the documented output strings.
@Suite struct ErrorKindTests {
    @Test func builtInKindsSpellTheDocumentedStrings() {
        let kinds: [ErrorKind] = [.invalidJSON, .missingText, .invalidText, .invalidUTF8, .invalidID, .oversized, .readFailed, .timeout, .stageFailed]
        #expect(
            kinds.map(\.rawValue) == [
                "invalid_json", "missing_text", "invalid_text", "invalid_utf8", "invalid_id",
                "oversized", "read_failed", "timeout", "stage_failed",
            ])
    }

    @Test func aStageErrorKeepsItsKindAndThePipelineErrorNamesTheStage() throws {
        var worker = try Pipeline(name: "t", stages: [LexiconGapStage(options: StageOptions(yaml: "", specs: []))]).makeWorker()
        var document = Document(text: "x")
        #expect {
            try worker.process(&document)
        } throws: { error in
            let failure = error as? PipelineError
            return failure?.stage == "test.gap@1" && failure?.kind.rawValue == "lexicon_gap" && failure?.message == "no entry"
        }
        #expect(StageError("m").kind == .stageFailed)
    }
}
