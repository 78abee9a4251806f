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
/// For ASCII text, and for the `utf8` unit, conversion is the identity and
/// costs nothing. Otherwise a table of one `Int32` per byte is built once.
/// - Complexity: O(n) to build, O(1) per conversion.
public struct OffsetConverter: Sendable {
    private let table: [Int32]?

    public init(utf8 bytes: [UInt8], unit: OffsetUnit) {
        guard unit != .utf8, bytes.contains(where: { $0 >= 0x80 }) else {
            table = nil
            return
        }
        var table = [Int32](repeating: 0, count: bytes.count + 1)
        var position: Int32 = 0
        for (index, byte) in bytes.enumerated() {
            table[index] = position
            let isLead = byte & 0xC0 != 0x80
            if isLead {
                // A 4-byte sequence is one scalar but two UTF-16 units.
                position += (unit == .utf16 && byte >= 0xF0) ? 2 : 1
            }
        }
        // Continuation bytes map to the offset after their scalar's start; only
        // boundaries are ever converted, which always sit on lead bytes.
        table[bytes.count] = position
        self.table = table
    }

    /// The offset in the target unit of a byte offset that sits on a scalar boundary.
    @inlinable
    public func convert(_ byteOffset: Int32) -> Int {
        convert(Int(byteOffset))
    }

    public func convert(_ byteOffset: Int) -> Int {
        guard let table else { return byteOffset }
        return Int(table[byteOffset])
    }
}
