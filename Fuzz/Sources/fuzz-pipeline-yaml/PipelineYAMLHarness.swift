import FuzzSupport
import TextPipeline
import TextPipelineStages

/// Pipeline loading from YAML text: any bytes either load or throw a
/// configuration error with a message; nothing traps. Workers are not made,
/// so an `external@1` stage in the input never starts a process.
@_cdecl("fuzz_pipeline_yaml_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, testOneInput)
}

/// One fuzzer input.
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = start else { return 0 }
    guard let yaml = fuzzString(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    do {
        let pipeline = try Pipeline.load(yaml: yaml, file: "fuzz.yaml", baseDirectory: FuzzFolder.path, registry: .builtin)
        fuzzRequire(!pipeline.stages.isEmpty, "a pipeline loaded without stages")
    } catch {
        fuzzRequire(!String(describing: error).isEmpty, "an error without a message")
    }
    return 0
}
