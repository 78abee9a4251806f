import FuzzSupport
import TextPipeline

/// One input line through `JSONRecordParser`, then through the output encoder:
/// the parser never traps, an article's text is valid UTF-8, and the record
/// (analysis or error) encodes as exactly one valid JSON line.
@_cdecl("fuzz_json_record_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    let line = UnsafeBufferPointer(start: data, count: size)
    let encoder = OutputEncoder(options: OutputOptions())
    var buffer = JSONBuffer(capacity: 256)
    switch JSONRecordParser().parse(line, source: "fuzz", line: 1) {
    case .article(let article):
        fuzzRequire(article.text.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == nil, "article text is not valid UTF-8")
        encoder.encode(Document(id: article.id, utf8: article.text, title: article.title), into: &buffer)
    case .failure(let id, let error, let source, let lineNumber):
        encoder.encodeError(id: id, stage: "input", kind: error.kind, message: error.message, source: source, line: lineNumber, into: &buffer)
    }
    Invariants.checkOutputLine(buffer.bytes)
    return 0
}
