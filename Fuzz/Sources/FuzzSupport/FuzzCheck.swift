import Foundation

/// Stops the process when an invariant does not hold, so that libFuzzer
/// records the current input as a crash (`crash-<sha1>`) and prints `message`.
///
/// Harnesses call this for properties the code promises (one valid JSON line
/// per record, offsets inside the text, …); traps and sanitizer reports need
/// no call, libFuzzer catches them itself.
public func fuzzRequire(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if condition() { return }
    FileHandle.standardError.write(Data("fuzz invariant failed at \(file):\(line): \(message())\n".utf8))
    abort()
}

/// The input as a `String` when it is valid UTF-8, else `nil`.
public func fuzzString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    String(validating: bytes, as: UTF8.self)
}
