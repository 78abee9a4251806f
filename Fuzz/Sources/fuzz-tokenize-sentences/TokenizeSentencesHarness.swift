import FuzzSupport
import TextPipeline
import TextPipelineStages

/// The ICU tokenizer and the sentence splitter on arbitrary UTF-8 (invalid
/// input is repaired to U+FFFD first, as the reader refuses it): tokens and
/// sentences stay inside the text, ordered, on scalar boundaries. The first
/// byte picks the splitter's newline mode, so every mode is fuzzed.
@_cdecl("fuzz_tokenize_sentences_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
    let mode = Int(data[0]) % Workers.all.count
    FuzzPipelines.analyse(text, with: &Workers.all[mode])
    return 0
}

/// One worker per newline mode, made once: workers keep per-worker ICU state between articles,
/// which the fuzzer then also exercises.
enum Workers {
    nonisolated(unsafe) static var all: [PipelineWorker] = ["auto", "paragraph", "line"].map { mode in
        do { return try FuzzPipelines.tokenizeAndSplit(newline: mode).makeWorker() } catch { fatalError("\(error)") }
    }
}
