/// Appends JSON text to a byte buffer without building intermediate objects.
public struct JSONBuffer: Sendable {
    /// The JSON text written so far, as UTF-8.
    public var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends `text` as it is, unescaped: JSON punctuation and keys known to need no escaping.
    @inlinable
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a decimal integer without going through a String.
    public mutating func integer(_ value: Int) {
        if value < 0 {
            guard value != .min else { return bytes.append(contentsOf: String(value).utf8) }
            bytes.append(UInt8(ascii: "-"))
            return integer(-value)
        }
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            // A typed buffer, not a slice of raw bytes: the slice's append copies byte by byte.
            let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + (20 - count)
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        }
    }

    /// A finite number in its shortest round-trip form; NaN and infinities become `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            var text = value.description
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends `value` as a quoted, escaped JSON string.
    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { string($0) }
    }

    /// A JSON string from UTF-8 bytes (which must be valid UTF-8).
    ///
    /// Inlinable so callers in other modules get a specialised copy: a generic
    /// call across modules would box every byte. Contiguous bytes take
    /// `string(contiguous:)`.
    @inlinable
    public mutating func string(_ utf8: some Collection<UInt8>) {
        if utf8.withContiguousStorageIfAvailable({ string(contiguous: $0) }) != nil { return }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if Self.needsEscape(byte) { escape(byte) } else { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// ``string(_:)`` for contiguous bytes: runs that need no escape are copied at once.
    @usableFromInline
    mutating func string(contiguous utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0 ..< utf8.count where Self.needsEscape(utf8[index]) {
            if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< index])) }
            escape(utf8[index])
            runStart = index + 1
        }
        if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether `byte` is written as an escape inside a JSON string.
    @inlinable @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    /// The letter after the backslash of the two-byte escape of `byte` (`\"`, `\\`, `\n`, `\r`,
    /// `\t`, `\b`, `\f`), or nil when it is written as `\u00XX`. Both writers of JSON strings use it.
    @usableFromInline @inline(__always)
    static func shortEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
    }

    /// Appends the escape of a byte for which ``needsEscape(_:)`` holds.
    @usableFromInline
    mutating func escape(_ byte: UInt8) {
        if let letter = Self.shortEscape(byte) {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(letter)
        } else {
            raw("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0xF)])
        }
    }

    /// Appends `value` as JSON; object keys are written sorted.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key)
                bytes.append(UInt8(ascii: ":"))
                self.value(fields[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends an article id with its JSON type: a string, or the number literal as it was read.
    public mutating func id(_ id: ArticleID) {
        switch id {
        case .string(let text): string(text)
        case .number(let literal): bytes.append(contentsOf: literal.utf8)
        }
    }

    @usableFromInline
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
