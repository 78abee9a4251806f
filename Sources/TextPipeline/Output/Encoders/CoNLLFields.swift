/// Writes the fields of a CoNLL line so that every line splits into its
/// columns under any white-space split (Python's `str.split()` included).
enum CoNLLFields {
    /// Writes `slice` with each white-space character as `_`: never more bytes than `slice` has.
    @inline(__always)
    static func token(_ slice: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        if !slice.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            out.bytes(slice)
            return
        }
        var index = 0
        while index < slice.count {
            let lead = slice[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let end = min(index + length, slice.count)
            var value = UInt32(length == 1 ? lead : lead & (0xFF >> (length + 1)))
            for position in index + 1 ..< end { value = value << 6 | UInt32(slice[position] & 0x3F) }
            if isWhiteSpace(value) {
                out.byte(UInt8(ascii: "_"))
            } else {
                out.bytes(UnsafeBufferPointer(rebasing: slice[index ..< end]))
            }
            index = end
        }
    }

    /// The slice form of `token` for a string (labels); at most its UTF-8 length.
    static func token(_ text: String, into out: inout ByteWriter) {
        var text = text
        text.withUTF8 { token($0, into: &out) }
    }

    /// Appends `text` with each white-space character written as `_` (labels, statuses).
    static func token(_ text: String, into out: inout JSONBuffer) {
        var text = text
        text.withUTF8 { utf8 in out.write(atMost: utf8.count) { token(utf8, into: &$0) } }
    }

    /// Appends an article id as a JSON value with no white space and only
    /// printable ASCII: a number as its literal, a string quoted with `"`, `\`
    /// and every character outside `!`...`~` escaped as `\uXXXX` (surrogate
    /// pairs above U+FFFF). `json.loads` of the column gives the id back.
    static func id(_ id: ArticleID, into out: inout JSONBuffer) {
        switch id {
        case .number(let literal):
            out.bytes.append(contentsOf: literal.utf8)
        case .string(let text):
            out.bytes.append(UInt8(ascii: "\""))
            for unit in text.utf16 {
                switch unit {
                case UInt16(UInt8(ascii: "\"")): out.raw("\\\"")
                case UInt16(UInt8(ascii: "\\")): out.raw("\\\\")
                case 0x21 ... 0x7E: out.bytes.append(UInt8(unit))
                default:
                    out.raw("\\u")
                    for shift in stride(from: 12, through: 0, by: -4) {
                        out.bytes.append(Array("0123456789abcdef".utf8)[Int(unit >> UInt16(shift) & 0xF)])
                    }
                }
            }
            out.bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether Python's `str.isspace()` holds for the scalar `value` (what `str.split()` splits on).
    static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09 ... 0x0D, 0x1C ... 0x20, 0x85, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
