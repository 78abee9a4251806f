/// Writes bytes through a pointer into room reserved beforehand, for the
/// per-token loops of the encoders (CoNLL lines, spaCy and JSON-lines tokens):
/// one bounds check per write instead of an `Array.append(contentsOf:)` call,
/// which costs about fifty instructions for a few bytes.
///
/// Obtain one with ``JSONBuffer/write(atMost:_:)``; every write checks that it
/// stays inside the reserved room (a wrong bound traps, it never overwrites).
public struct ByteWriter {
    @usableFromInline var cursor: UnsafeMutablePointer<UInt8>
    @usableFromInline let end: UnsafeMutablePointer<UInt8>

    @usableFromInline
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        cursor = buffer.baseAddress!
        end = buffer.baseAddress! + buffer.count
    }

    @inlinable @inline(__always)
    mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(end - cursor >= count, "ByteWriter: more bytes than reserved")
        let start = cursor
        cursor += count
        return start
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func byte(_ value: UInt8) { room(1).pointee = value }

    /// Appends the bytes of a literal. A byte loop, not `memmove`: for the short
    /// literals of the token loops, whose length is known once inlined, the call costs more than the copy.
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        let start = room(count)
        let source = text.utf8Start
        for index in 0 ..< count { start[index] = source[index] }
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        room(bytes.count).update(from: base, count: bytes.count)
    }

    /// Appends a non-negative decimal integer (at most 20 bytes): two digits per division.
    @inlinable @inline(__always)
    public mutating func integer(_ value: Int) {
        precondition(value >= 0, "ByteWriter.integer takes non-negative values")
        var digits = 1
        var limit = 10
        while value >= limit, digits < 18 {
            digits += 1
            limit &*= 10
        }
        if value >= limit { digits += 1 }
        let start = room(digits)
        let pairs = Self.digitPairs.utf8Start
        var rest = UInt(bitPattern: value)
        var index = digits
        while rest >= 100 {
            let quotient = rest / 100
            let pair = Int(rest &- quotient &* 100) &* 2
            index -= 2
            start[index] = pairs[pair]
            start[index + 1] = pairs[pair + 1]
            rest = quotient
        }
        if rest >= 10 {
            let pair = Int(rest) &* 2
            start[0] = pairs[pair]
            start[1] = pairs[pair + 1]
        } else {
            start[0] = UInt8(truncatingIfNeeded: 0x30 &+ rest)
        }
    }

    /// "00", "01", ... "99" back to back.
    @usableFromInline
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Bytes the longest integer takes.
    public static let maxIntegerBytes = 20
}

extension JSONBuffer {
    /// Appends what `body` writes, which must be at most `maxCount` bytes
    /// (the writer traps past them). One allocation per call, so call it per
    /// document, not per token. An empty buffer is replaced by the block
    /// itself (written in place, no copy); otherwise the block is copied after
    /// what the buffer holds.
    @inlinable
    public mutating func write(atMost maxCount: Int, _ body: (inout ByteWriter) -> Void) {
        guard maxCount > 0 else { return }
        if bytes.isEmpty {
            bytes = [UInt8](unsafeUninitializedCapacity: maxCount) { buffer, count in
                var writer = ByteWriter(buffer)
                body(&writer)
                count = writer.cursor - buffer.baseAddress!
            }
            return
        }
        let chunk = [UInt8](unsafeUninitializedCapacity: maxCount) { buffer, count in
            var writer = ByteWriter(buffer)
            body(&writer)
            count = writer.cursor - buffer.baseAddress!
        }
        bytes.append(contentsOf: chunk)
    }
}
