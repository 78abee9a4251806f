import FuzzSupport
import TextPipeline
import TextPipelineStages

/// The default pipeline (`Pipelines/news-en.yaml`) on an arbitrary input
/// file read by the real reader: every non-blank line yields exactly one
/// output line, a valid JSON object; blank lines are counted; nothing traps.
@_cdecl("fuzz_whole_pipeline_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let path = FuzzFolder.write(input, name: "input.jsonl")
    var reader = ArticleReader(files: [InputFile(path: path, format: .jsonl)])
    var records = 0
    do {
        while let raw = try reader.nextRaw() {
            records += 1
            let line = try Analysis.analyser.encodeLine(raw, worker: &Analysis.worker)
            Invariants.checkOutputLine(line.bytes)
        }
    } catch {
        fuzzRequire(false, "reading or analysing a local file failed: \(error)")
    }
    let lines = input.count(where: { $0 == 0x0A }) + (input.last.map { $0 != 0x0A } ?? false ? 1 : 0)
    fuzzRequire(records + reader.blankLines == lines, "\(lines) lines gave \(records) records and \(reader.blankLines) blank lines")
    return 0
}

/// The analyser and its one worker, made once (the gazetteers compile into the fuzz cache on first use).
enum Analysis {
    static let analyser = RecordAnalyser(pipeline: FuzzPipelines.newsEnglish, output: OutputOptions(emitTokens: true))
    nonisolated(unsafe) static var worker: PipelineWorker = {
        do { return try FuzzPipelines.newsEnglish.makeWorker() } catch { fatalError("\(error)") }
    }()
}

/// Loads the pipeline (and compiles its gazetteers on a fresh cache) before the first timed input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    _ = Analysis.analyser
    _ = Analysis.worker
    return 0
}
