/// The lines of a word-list data file, read as UTF-8 bytes: each line split on
/// `\n`, cut at its first `#`, and split into fields on spaces, tabs and `\r`.
///
/// Shared by ``WordList`` and ``AbbreviationList``, which load at every start:
/// a byte loop, where splitting the `String` by `Character` cost about ten
/// times as many instructions. A `\r` before a `\n` is a field separator, so
/// a file with CRLF line ends reads like one with LF.
enum ListFileLines {
    /// One line's fields, as ranges of the file's bytes.
    struct Line {
        /// The line's number, from 1.
        var number: Int
        /// The line before its `#`, for messages.
        var content: Range<Int>
        /// The fields of `content`, in order.
        var fields: [Range<Int>]
    }

    /// Calls `body` with every line that has at least one field, in order, and the file's bytes.
    static func forEachLine(
        of text: String, _ body: (Line, UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var text = text
        try text.withUTF8 { bytes in
            var number = 0
            var start = 0
            while start <= bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var contentEnd = start
                while contentEnd < end, bytes[contentEnd] != 0x23 { contentEnd += 1 }
                let line = Line(number: number, content: start ..< contentEnd, fields: fields(of: bytes, in: start ..< contentEnd))
                if !line.fields.isEmpty { try body(line, bytes) }
                start = end + 1
            }
        }
    }

    /// The runs of `range` between spaces, tabs and `\r`.
    private static func fields(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var fieldStart: Int?
        for index in range {
            let isSeparator = bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D
            if isSeparator, let start = fieldStart {
                fields.append(start ..< index)
                fieldStart = nil
            } else if !isSeparator, fieldStart == nil {
                fieldStart = index
            }
        }
        if let start = fieldStart { fields.append(start ..< range.upperBound) }
        return fields
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes of `range` as a string (for messages and class names).
    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self) }
}
