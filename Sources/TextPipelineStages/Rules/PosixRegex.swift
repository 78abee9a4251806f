#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX extended regular expression that must match a whole token.
///
/// Matching runs over the token's UTF-8 bytes in the C locale, through a
/// NUL-terminated copy kept in a reusable buffer: no strings are created.
/// One instance per worker; never shared between threads.
final class PosixRegex {
    private let compiled: UnsafeMutablePointer<regex_t>
    private var scratch: [CChar] = []

    /// Compiles `pattern`, anchored as `^(pattern)$`.
    /// - Throws: ``PosixRegexError`` with the library's description of the problem, or when the
    ///   pattern breaks ``PosixRegexLimits`` (back-references, too large once repeats are expanded).
    init(_ pattern: String) throws(PosixRegexError) {
        try PosixRegexLimits.check(pattern)
        compiled = try Self.compile(pattern)
    }

    private static func compile(_ pattern: String) throws(PosixRegexError) -> UnsafeMutablePointer<regex_t> {
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(compiled, "^(\(pattern))$", REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &message, message.count)
            compiled.deallocate()
            let text = message.withUnsafeBufferPointer { buffer in
                String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            throw PosixRegexError(message: text)
        }
        return compiled
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    /// Whether the whole of `bytes` matches. A NUL byte inside `bytes` ends the subject early.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        for byte in bytes { scratch.append(CChar(bitPattern: byte)) }
        scratch.append(0)
        return regexec(compiled, scratch, 0, nil, 0) == 0
    }
}

/// A pattern that does not compile.
struct PosixRegexError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
