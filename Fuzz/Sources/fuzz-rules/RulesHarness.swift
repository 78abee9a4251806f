import FuzzSupport
import TextPipeline
import TextPipelineStages

/// The `rules.tokens@1` parser and compiler on arbitrary rules files: any
/// text compiles or is refused with a message, and compiled rules run over a
/// tokenized text with gazetteer-free entities without breaking the invariants.
@_cdecl("fuzz_rules_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    guard let yaml = fuzzString(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let stage: RulesTokensStage
    do {
        stage = try RulesTokensStage(yaml: yaml, file: "fuzz-rules.yaml", baseDirectory: FuzzFolder.path)
    } catch {
        fuzzRequire(String(describing: error).contains("fuzz-rules.yaml"), "the error does not name the rules file: \(error)")
        return 0
    }
    RulesFixture.run(stage)
    return 0
}

/// A tokenized sample text and a rules stage run over it.
enum RulesFixture {
    static let text = Array(
        """
        The central bank raised rates by 0.25 percentage points to $5.5 billion on Monday, 3 May 2024. \
        Mr. Kim Jong Un met Ms. Rowe in New York; €12 mln, 45% and 1,200 units followed. ÉCOLE Zürich 東京 🙂 #tag @user
        """.utf8)
    static let tokenizer = FuzzPipelines.load(
        """
        version: 1
        stages:
          - use: tokenize.icu@1
            with: { locale: en }
        """)

    static func run(_ stage: RulesTokensStage) {
        guard let pipeline = try? Pipeline(name: "fuzz", stages: tokenizer.stages + [stage]) else { return }  // wiring needs entities
        guard var worker = try? pipeline.makeWorker() else { return }
        FuzzPipelines.analyse(text, with: &worker)
    }
}
