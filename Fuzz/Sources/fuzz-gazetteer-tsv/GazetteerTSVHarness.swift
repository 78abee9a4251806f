import FuzzSupport
import TextPipeline
import TextPipelineStages

/// TSV gazetteer parsing and compilation: any bytes are refused with a
/// message or compile into a file that loads, passes `verify()`, keeps every entry
/// that has tokens, and matches
/// over a text made of its own surfaces without breaking the invariants.
@_cdecl("fuzz_gazetteer_tsv_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let entries = try? GazetteerSource.parse(bytes: bytes, file: "fuzz.tsv"),
        let compiled = try? GazetteerCompiler.compile(entries)
    else { return 0 }
    let path = compiled.bytes.withUnsafeBufferPointer { FuzzFolder.write($0, name: "fuzz.tpg") }
    let gazetteer: CompiledGazetteer
    do {
        gazetteer = try CompiledGazetteer(path: path)
        try gazetteer.verify()
    } catch {
        fuzzRequire(false, "a freshly compiled gazetteer is refused: \(error)")
        return 0
    }
    let counts = compiled.statistics
    fuzzRequire(
        gazetteer.statistics.entries == counts.entries && counts.entries + counts.skipped == entries.count,
        "\(entries.count) entries gave \(counts.entries) compiled, \(counts.skipped) skipped, \(gazetteer.statistics.entries) loaded")
    let text = entries.prefix(64).map(\.surface).joined(separator: ", ")
    GazetteerFixture.match(Array(text.utf8), in: gazetteer)
    return 0
}
