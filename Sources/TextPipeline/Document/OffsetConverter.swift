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
        isIdentity = unit == .utf8 || Self.isASCII(bytes)
    }

    /// Whether every byte is below 0x80, tested eight bytes at a time.
    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return true }
            var index = 0
            while text.count - index >= 8 {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < text.count {
                if text[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// The sum of the eight byte lanes of `lanes`.
    @inline(__always)
    private static func laneSum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
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
            var index = byteCursor
            var position = unitCursor
            // Eight bytes at a time: a scalar starts at every byte that is not a
            // continuation byte (10xxxxxx); a 4-byte lead (11110xxx) adds a second UTF-16 unit.
            // Both are counted as 0/1 byte lanes, summed once per 255 words (a lane stays below 256).
            if let base = text.baseAddress {
                let countsSurrogates = unit == .utf16
                while byteOffset - index >= 8 {
                    var continuations: UInt64 = 0, surrogates: UInt64 = 0
                    let words = min((byteOffset - index) / 8, 255)
                    for _ in 0 ..< words {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
                        if countsSurrogates {
                            surrogates &+= (word & (word << 1) & (word << 2) & (word << 3) & 0x8080_8080_8080_8080) >> 7
                        }
                        index += 8
                    }
                    position += 8 * words - Self.laneSum(continuations) + Self.laneSum(surrogates)
                }
            }
            while index < byteOffset {
                let byte = text[index]
                if byte & 0xC0 != 0x80 {
                    // A 4-byte sequence is one scalar but two UTF-16 units.
                    position += (unit == .utf16 && byte >= 0xF0) ? 2 : 1
                }
                index += 1
            }
            unitCursor = position
        }
        byteCursor = byteOffset
        return unitCursor
    }
}
