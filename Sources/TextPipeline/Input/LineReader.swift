/// Splits a ``ByteSource`` into lines on byte 0x0A only.
///
/// A trailing `\r` is dropped and a UTF-8 byte-order mark at the start of the
/// stream is skipped. Memory is bounded by the longest line plus one chunk.
public struct LineReader {
    private let source: ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false
    private var atStreamStart = true
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    public init(source: ByteSource, chunkSize: Int = 1 << 20) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Calls `body` with the next line (valid only during the call), or returns false at the end.
    /// - Throws: ``InputError`` when reading fails.
    public mutating func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        while true {
            if let newline = findNewline() {
                let lineEnd = newline
                try emit(from: start, to: lineEnd, body)
                start = newline + 1
                return true
            }
            if finished {
                guard start < end else { return false }
                let lineStart = start
                start = end
                try emit(from: lineStart, to: end, body)
                return true
            }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        buffer.withUnsafeBufferPointer { pointer in
            guard start < end else { return nil }
            let base = UnsafeRawPointer(pointer.baseAddress! + start)
            guard let found = memchr(base, 0x0A, end - start) else { return nil }
            return start + (UnsafeRawPointer(found) - base)
        }
    }

    private mutating func emit(from lineStart: Int, to lineEnd: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        lineNumber += 1
        var first = lineStart
        var last = lineEnd
        if atStreamStart {
            atStreamStart = false
            if last - first >= 3, buffer[first] == 0xEF, buffer[first + 1] == 0xBB, buffer[first + 2] == 0xBF { first += 3 }
        }
        if last > first, buffer[last - 1] == 0x0D { last -= 1 }
        try buffer.withUnsafeBufferPointer { pointer in
            try body(UnsafeBufferPointer(rebasing: pointer[first ..< last]))
        }
    }

    /// Moves the unread bytes to the front, grows the buffer when a line fills it, and reads more.
    private mutating func fill() throws {
        if start > 0 {
            let unread = end - start
            if unread > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, unread)
                }
            }
            start = 0
            end = unread
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let count = try buffer.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if count == 0 { finished = true } else { end += count }
    }
}

import Foundation
