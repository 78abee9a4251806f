/// JSON values written through a ``ByteWriter``: the per-record path of the
/// JSON lines encoder, which reserves one block for the whole record
/// (``JSONBuffer/write(atMost:_:)``) and writes every value into it.
///
/// Each method writes exactly what the ``JSONBuffer`` method of the same name
/// writes (the tests compare them), and states the most bytes it writes.
extension ByteWriter {
    /// The most bytes ``string(_:)-(UnsafeBufferPointer<UInt8>)`` writes for `count` bytes of text:
    /// two quotes and a six-byte `\u00XX` escape per byte.
    @inlinable
    public static func maxStringBytes(_ count: Int) -> Int { 2 + 6 * count }

    /// The most bytes ``number(_:)`` writes (`-1.7976931348623157e+308` is 24).
    public static let maxNumberBytes = 32

    /// Appends `utf8` (valid UTF-8) as a quoted JSON string, escaping `"`, `\`,
    /// the control characters and DEL as ``JSONBuffer`` does; other bytes,
    /// U+2028 and U+2029 included, are copied as they are.
    ///
    /// Eight bytes at a time: a chunk without a byte to escape is copied in one store.
    /// - Complexity: O(`utf8.count`); at most ``maxStringBytes(_:)`` bytes.
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        if let base = utf8.baseAddress {
            var index = 0
            let count = utf8.count
            while count - index >= 8 {
                let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let stops = Self.escapeLanes(UInt64(littleEndian: chunk))
                // Room for eight: the reserve covers six bytes for each byte left.
                precondition(end - cursor >= 8, "ByteWriter: more bytes than reserved")
                UnsafeMutableRawPointer(cursor).storeBytes(of: chunk, as: UInt64.self)
                if stops == 0 {
                    cursor += 8
                    index += 8
                    continue
                }
                let clean = stops.trailingZeroBitCount / 8
                cursor += clean
                escape(base[index + clean])
                index += clean + 1
            }
            while index < count {
                let value = base[index]
                if JSONBuffer.needsEscape(value) { escape(value) } else { byte(value) }
                index += 1
            }
        }
        byte(UInt8(ascii: "\""))
    }

    /// ``string(_:)-(UnsafeBufferPointer<UInt8>)`` for a String's UTF-8.
    public mutating func string(_ text: String) {
        var copy = text
        copy.withUTF8 { string($0) }
    }

    /// The lanes (high bit of each byte) of `chunk` whose byte ``JSONBuffer/needsEscape(_:)``:
    /// below 0x20, `"`, `\` or 0x7F. Exact per lane: no carry crosses lanes.
    @inline(__always)
    static func escapeLanes(_ chunk: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        // A lane's high bit ends up set where its byte is zero.
        func zeroLanes(_ value: UInt64) -> UInt64 { ~(((value & low) &+ low) | value) & high }
        // (b & 0x7F) + 0x60 reaches 0x80 exactly when b & 0x7F >= 0x20; bytes >= 0x80 are not controls.
        let control = ~(((chunk & low) &+ ones &* 0x60) | chunk) & high
        return control | zeroLanes(chunk ^ (ones &* 0x22)) | zeroLanes(chunk ^ (ones &* 0x5C)) | zeroLanes(chunk ^ low)
    }

    /// Appends the escape of a byte for which ``JSONBuffer/needsEscape(_:)`` holds (at most six bytes).
    @usableFromInline
    mutating func escape(_ value: UInt8) {
        if let letter = JSONBuffer.shortEscape(value) {
            let start = room(2)
            start[0] = UInt8(ascii: "\\")
            start[1] = letter
        } else {
            let start = room(6)
            let digits = Self.hexDigits.utf8Start
            start[0] = UInt8(ascii: "\\")
            start[1] = UInt8(ascii: "u")
            start[2] = UInt8(ascii: "0")
            start[3] = UInt8(ascii: "0")
            start[4] = digits[Int(value >> 4)]
            start[5] = digits[Int(value & 0xF)]
        }
    }

    @usableFromInline
    static var hexDigits: StaticString { "0123456789abcdef" }

    /// Appends an article id as ``JSONBuffer/id(_:)`` does: a string, or the number literal as it was read.
    /// At most ``maxIDBytes(_:)`` bytes.
    public mutating func id(_ id: ArticleID) {
        switch id {
        case .string(let text): string(text)
        case .number(let literal): string(unquoted: literal)
        }
    }

    /// The most bytes ``id(_:)`` writes for `id`.
    public static func maxIDBytes(_ id: ArticleID) -> Int {
        switch id {
        case .string(let text): maxStringBytes(text.utf8.count)
        case .number(let literal): literal.utf8.count
        }
    }

    /// Appends a decimal integer, with a `-` when negative (at most ``maxIntegerBytes`` bytes).
    public mutating func signedInteger(_ value: Int) {
        guard value < 0 else { return integer(value) }
        byte(UInt8(ascii: "-"))
        // Int.min has no positive counterpart: its magnitude is written from the unsigned value.
        if value == .min { return raw("9223372036854775808") }
        integer(-value)
    }

    /// Appends a finite number as ``JSONBuffer/number(_:)`` does: an integer without a
    /// fraction below 10^15 as an integer, any other in Swift's shortest round-trip form
    /// (`Double.description`), written without building a String (in [0.001, 1), without the
    /// standard library's formatter either); NaN and infinities as `null`. At most ``maxNumberBytes`` bytes.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 { return signedInteger(Int(value)) }
        // Scores: the same digits, found without the standard library's formatter.
        if shortestDecimal(value) { return }
        var stream = DigitStream(writer: self)
        value.write(to: &stream)
        self = stream.writer
    }
}

/// Receives the characters of a number from `Double.write(to:)`. The standard
/// library hands them over as an ASCII buffer (`_writeASCII`), so no String is made.
private struct DigitStream: TextOutputStream {
    var writer: ByteWriter

    mutating func write(_ string: String) { writer.string(unquoted: string) }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { writer.bytes(buffer) }
}

extension ByteWriter {
    /// Appends a String's UTF-8 as it is.
    fileprivate mutating func string(unquoted text: String) {
        var copy = text
        copy.withUTF8 { bytes($0) }
    }
}
