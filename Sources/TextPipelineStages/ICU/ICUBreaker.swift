import CICU
import Foundation
public import TextPipeline

/// One ICU break iterator with its scratch buffers. Not thread-safe: each
/// worker owns its own, cloned from an ``ICUBreakerTemplate``.
public final class ICUBreaker {
    fileprivate let handle: OpaquePointer

    fileprivate init(handle: OpaquePointer) { self.handle = handle }

    deinit { tp_breaker_close(handle) }

    /// Replaces `tokens` with the word tokens of `text` (white space dropped).
    ///
    /// Text of ASCII only is tokenized without ICU, by the rules ICU's root word rules come down
    /// to for ASCII. Short chunks of other text between breaks that UAX #29 always makes (after a
    /// space, before ASCII; after a line feed) are tokenized by ICU once per breaker and
    /// remembered, so repeated words cost a table lookup. The tokens are exactly
    /// `tokenizeWhole(_:into:)`'s.
    /// - Throws: `StageError` when ICU fails or the text exceeds 1 GB.
    public func tokenize(_ text: [UInt8], into tokens: inout TokenLayer) throws {
        try tokenize(text, into: &tokens, with: tp_word_breaker_tokenize)
    }

    /// The same tokens as ``tokenize(_:into:)``, from one ICU pass over the whole text with no
    /// memo: the reference the memo is tested against.
    func tokenizeWhole(_ text: [UInt8], into tokens: inout TokenLayer) throws {
        try tokenize(text, into: &tokens, with: tp_word_breaker_tokenize_whole)
    }

    /// Turns on or off tokenizing ASCII chunks without ICU in ``tokenize(_:into:)`` (on by default;
    /// the tokens are the same either way): tests compare both.
    /// - Returns: whether it is on; never for a locale with tailored word rules (fi, sv, en_US_POSIX).
    @discardableResult func useASCIIWords(_ enabled: Bool) -> Bool {
        tp_word_breaker_set_ascii_words(handle, enabled ? 1 : 0) != 0
    }

    private typealias TokenizeFunction = (
        OpaquePointer?, UnsafePointer<UInt8>?, Int64, UnsafeMutablePointer<UnsafePointer<Int32>?>?,
        UnsafeMutablePointer<UnsafePointer<Int32>?>?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> Int32

    private func tokenize(_ text: [UInt8], into tokens: inout TokenLayer, with function: TokenizeFunction) throws {
        tokens.removeAll()
        var starts: UnsafePointer<Int32>?
        var ends: UnsafePointer<Int32>?
        var kinds: UnsafePointer<UInt8>?
        let count = text.withUnsafeBufferPointer { buffer in
            function(handle, buffer.baseAddress, Int64(buffer.count), &starts, &ends, &kinds)
        }
        guard count >= 0 else { throw StageError("ICU word breaking failed (text of \(text.count) bytes)") }
        guard count > 0, let starts, let ends, let kinds else { return }
        tokens.replaceAll(
            starts: UnsafeBufferPointer(start: starts, count: Int(count)),
            ends: UnsafeBufferPointer(start: ends, count: Int(count)),
            kinds: UnsafeBufferPointer(start: kinds, count: Int(count)))
    }

    /// The interior sentence boundaries of `text` (UTF-8 byte offsets, ascending).
    /// - Parameters:
    ///   - text: UTF-8 text.
    ///   - linesAsSpaces: show line terminators to ICU as spaces.
    ///   - boundaries: emptied, then filled with the boundaries (reused to avoid allocation).
    public func sentenceBoundaries(_ text: [UInt8], linesAsSpaces: Bool, into boundaries: inout [Int32]) throws {
        boundaries.removeAll(keepingCapacity: true)
        var result: UnsafePointer<Int32>?
        let count = text.withUnsafeBufferPointer { buffer in
            tp_sentence_breaker_boundaries(handle, buffer.baseAddress, Int64(buffer.count), linesAsSpaces ? 1 : 0, &result)
        }
        guard count >= 0 else { throw StageError("ICU sentence breaking failed (text of \(text.count) bytes)") }
        if count > 0, let result { boundaries.append(contentsOf: UnsafeBufferPointer(start: result, count: Int(count))) }
    }

    /// Walks every word boundary of `text` in UTF-16 with `ubrk_next` and
    /// `ubrk_getRuleStatus` and nothing else: the speed limit for tokenization.
    @_spi(Benchmarks) public func rawWordBoundaryCount(_ text: [UInt8]) -> Int {
        Int(text.withUnsafeBufferPointer { tp_word_breaker_raw_loop(handle, $0.baseAddress, Int64($0.count)) })
    }
}

/// A break iterator opened once per pipeline, from which each worker clones its own.
public final class ICUBreakerTemplate: @unchecked Sendable {
    // The template is only read (cloned), under a lock for safety.
    private let template: ICUBreaker
    private let lock = NSLock()
    /// The ICU locale id the iterator was opened with.
    public let locale: String

    /// Opens a word or sentence iterator for `locale` (for example `en`, `en@ss=standard`).
    /// - Throws: a message when ICU refuses the locale.
    public init(sentence: Bool, locale: String) throws {
        var message = [CChar](repeating: 0, count: 256)
        guard let handle = tp_breaker_open(sentence ? 1 : 0, locale, &message, message.count) else {
            throw StageError(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        template = ICUBreaker(handle: handle)
        self.locale = locale
    }

    /// A new iterator for one worker.
    public func makeBreaker() throws -> ICUBreaker {
        lock.lock()
        defer { lock.unlock() }
        guard let handle = tp_breaker_clone(template.handle) else { throw StageError("ICU could not clone a break iterator") }
        return ICUBreaker(handle: handle)
    }

    /// The version of the system ICU library.
    public static var icuVersion: String { String(cString: tp_icu_version()) }
}
