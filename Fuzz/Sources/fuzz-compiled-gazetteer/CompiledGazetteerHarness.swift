import FuzzSupport
import TextPipeline
import TextPipelineStages

/// Compiled-gazetteer loading, verification and lookup on arbitrary files
/// (seeds are real compiled files): loading refuses or maps the file, and
/// matching with a loaded file never reads out of bounds or traps, with and
/// without the NER rules.
@_cdecl("fuzz_compiled_gazetteer_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    let path = FuzzFolder.write(UnsafeBufferPointer(start: data, count: size), name: "fuzz.tpg")
    guard let gazetteer = try? CompiledGazetteer(path: path) else { return 0 }
    _ = try? gazetteer.verify()
    GazetteerFixture.match(GazetteerFixture.text, in: gazetteer)
    return 0
}
