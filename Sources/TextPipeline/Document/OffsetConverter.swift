/// The unit of output offsets.
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalars (code points), as Python slices count them. The default.
    case codepoint
    /// UTF-16 code units, as JavaScript and Java count them.
    case utf16
    /// UTF-8 bytes.
    case utf8
}

/// Converts UTF-8 byte offsets of one text into another ``OffsetUnit``.
///
/// For ASCII text, and for the `utf8` unit, conversion is the identity.
/// Otherwise a cursor walks the text: converting offsets in ascending order
/// (as the layers of a document are written) costs O(n) in all; an offset
/// below the cursor restarts the walk from the start.
public struct OffsetConverter {
    private let bytes: [UInt8]
    private let unit: OffsetUnit
    private let isIdentity: Bool
    private var byteCursor = 0
    private var unitCursor = 0

    /// A converter for offsets into `bytes`, the document's UTF-8 text, to `unit`.
    public init(utf8 bytes: [UInt8], unit: OffsetUnit) {
        self.bytes = bytes
        self.unit = unit
        isIdentity = unit == .utf8 || !bytes.contains(where: { $0 >= 0x80 })
    }

    /// The offset in the target unit of a byte offset that sits on a scalar boundary.
    public mutating func convert(_ byteOffset: Int32) -> Int {
        convert(Int(byteOffset))
    }

    /// The offset in the target unit of a byte offset that sits on a scalar boundary.
    ///
    /// Fastest when called with ascending offsets (it walks forward from the last one).
    public mutating func convert(_ byteOffset: Int) -> Int {
        if isIdentity { return byteOffset }
        if byteOffset < byteCursor {
            byteCursor = 0
            unitCursor = 0
        }
        bytes.withUnsafeBufferPointer { text in
            var position = unitCursor
            for index in byteCursor ..< byteOffset {
                let byte = text[index]
                if byte & 0xC0 != 0x80 {
                    // A 4-byte sequence is one scalar but two UTF-16 units.
                    position += (unit == .utf16 && byte >= 0xF0) ? 2 : 1
                }
            }
            unitCursor = position
        }
        byteCursor = byteOffset
        return unitCursor
    }
}
