import CFuzzDriver

/// What a harness's entry point does: runs libFuzzer's driver over `test`.
///
/// SwiftPM links every executable target with `--defsym main=<module>_main`
/// (so tests could link it), which hides libFuzzer's own `main`. Each harness
/// therefore defines `@_cdecl("fuzz_<name>_main")` and calls this.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}
