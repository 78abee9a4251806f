import Foundation

/// How much of a line ``LineReader`` kept.
public struct LineExtent: Sendable, Equatable {
    /// The line's length in bytes as read, without its `\n` (and without a
    /// leading byte-order mark); for a cut line, every byte up to the `\n`.
    public let totalBytes: Int
    /// True when the line was longer than ``LineReader/maxLineBytes``: only
    /// its first `maxLineBytes` bytes were kept, the rest was read and dropped.
    public let isCut: Bool
}

/// Splits a ``ByteSource`` into lines on byte 0x0A only.
///
/// A trailing `\r` is dropped and a UTF-8 byte-order mark at the start of the
/// stream is skipped. Memory is bounded by `min(longest line, maxLineBytes)`
/// plus one chunk: a longer line keeps its first ``maxLineBytes`` bytes, and
/// the reader reads on to the next line break without buffering the rest, so
/// even an endless line (`/dev/zero`) runs in flat memory.
///
/// Lines come as pointers into the reader's buffer (`nextLine(_:)`), or
/// as slices that share it (``nextSharedLine(_:)``): no copy, no allocation
/// per line. Once a slice is out, the reader never writes that buffer again:
/// it moves the unread bytes to a new block of one chunk, and the old block
/// lives as long as its slices.
public struct LineReader {
    private let source: ByteSource
    private let chunkSize: Int
    /// Bytes of one line kept at most.
    public let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false
    private var atStreamStart = true
    /// Whether slices of `buffer` may be out (``nextSharedLine(_:)``): then it is never written again.
    private var shared = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// - Parameters:
    ///   - source: the bytes to split into lines; the reader owns it from now on.
    ///   - chunkSize: bytes asked of the source per read.
    ///   - maxLineBytes: bytes of one line kept at most (at least 1).
    public init(source: ByteSource, chunkSize: Int = 1 << 20, maxLineBytes: Int = .max) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        self.maxLineBytes = max(1, maxLineBytes)
        self.buffer = Self.block(size: self.chunkSize, copying: [], from: 0, count: 0)
    }

    /// Calls `body` with the next line (valid only during the call), or returns false at the end.
    /// - Throws: ``InputError`` when reading fails.
    public mutating func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        try nextLine { line, _ in try body(line) }
    }

    /// Calls `body` with the next line, or its first ``maxLineBytes`` bytes, and its extent.
    /// - Throws: ``InputError`` when reading fails.
    public mutating func nextLine(_ body: (UnsafeBufferPointer<UInt8>, LineExtent) throws -> Void) throws -> Bool {
        try nextLineRange { buffer, range, extent in
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range]), extent) }
        }
    }

    /// Calls `body` with the next line (or its first ``maxLineBytes`` bytes) as a
    /// slice of the reader's buffer, which `body` may keep: the reader never
    /// writes to a buffer it has handed out, so the slice stays valid and is not copied.
    /// - Returns: false at the end.
    /// - Throws: ``InputError`` when reading fails.
    public mutating func nextSharedLine(_ body: (ArraySlice<UInt8>, LineExtent) throws -> Void) throws -> Bool {
        var handedOut = false
        defer { if handedOut { shared = true } }
        return try nextLineRange { buffer, range, extent in
            handedOut = true
            try body(buffer[range], extent)
        }
    }

    /// Calls `body` with the buffer, the range of the next line in it (or of its first
    /// ``maxLineBytes`` bytes) and its extent, or returns false at the end.
    private mutating func nextLineRange(_ body: ([UInt8], Range<Int>, LineExtent) throws -> Void) throws -> Bool {
        while true {
            if let newline = findNewline(from: start) {
                try emitLine(from: start, to: newline, body)
                start = newline + 1
                return true
            }
            if finished {
                guard start < end else { return false }
                let lineStart = start
                start = end
                try emitLine(from: lineStart, to: end, body)
                return true
            }
            if end - start > maxLineBytes { return try skipRestOfLine(body) }
            try fill()
        }
    }

    private func findNewline(from offset: Int) -> Int? {
        buffer.withUnsafeBufferPointer { pointer in
            guard offset < end else { return nil }
            let base = UnsafeRawPointer(pointer.baseAddress! + offset)
            guard let found = memchr(base, 0x0A, end - offset) else { return nil }
            return offset + (UnsafeRawPointer(found) - base)
        }
    }

    /// Emits a line found whole in the buffer, cut to `maxLineBytes` if it is longer.
    private mutating func emitLine(from lineStart: Int, to lineEnd: Int, _ body: ([UInt8], Range<Int>, LineExtent) throws -> Void) throws {
        let length = lineEnd - lineStart - (lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D ? 1 : 0)
        if length > maxLineBytes {
            try emit(from: lineStart, to: lineStart + maxLineBytes, totalBytes: length, isCut: true, body)
        } else {
            try emit(from: lineStart, to: lineEnd, totalBytes: lineEnd - lineStart, isCut: false, body)
        }
    }

    private mutating func emit(
        from lineStart: Int, to lineEnd: Int, totalBytes: Int, isCut: Bool,
        _ body: ([UInt8], Range<Int>, LineExtent) throws -> Void
    ) throws {
        lineNumber += 1
        var first = lineStart
        var last = lineEnd
        var total = totalBytes
        if atStreamStart {
            atStreamStart = false
            if last - first >= 3, buffer[first] == 0xEF, buffer[first + 1] == 0xBB, buffer[first + 2] == 0xBF {
                first += 3
                total -= 3
            }
        }
        if !isCut, last > first, buffer[last - 1] == 0x0D {
            last -= 1
            total -= 1
        }
        try body(buffer, first ..< last, LineExtent(totalBytes: total, isCut: isCut))
    }

    /// The current line is longer than `maxLineBytes`: keeps its first
    /// `maxLineBytes` bytes at the front of the buffer, reads and drops the
    /// rest up to the next `\n` (or the end), and emits the kept part.
    private mutating func skipRestOfLine(_ body: ([UInt8], Range<Int>, LineExtent) throws -> Void) throws -> Bool {
        compact()
        let kept = maxLineBytes
        var total = kept
        var scanned = kept
        while true {
            if let newline = findNewline(from: scanned) {
                total += newline - scanned
                if newline > 0, buffer[newline - 1] == 0x0D { total -= 1 }
                try emit(from: 0, to: kept, totalBytes: total, isCut: true, body)
                start = newline + 1
                shrinkAfterCut()
                return true
            }
            total += end - scanned
            end = kept
            if finished {
                try emit(from: 0, to: kept, totalBytes: total, isCut: true, body)
                start = end
                shrinkAfterCut()
                return true
            }
            if buffer.count - kept < chunkSize { buffer.append(contentsOf: repeatElement(0, count: kept + chunkSize - buffer.count)) }
            let count = try buffer.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[kept...]))
            }
            if count == 0 { finished = true } else { end = kept + count }
            scanned = kept
        }
    }

    /// Gives back the memory a cut line took, keeping the unread bytes.
    private mutating func shrinkAfterCut() {
        guard buffer.count > 2 * chunkSize, end - start <= chunkSize else { return }
        var smaller = [UInt8](repeating: 0, count: chunkSize)
        let unread = end - start
        if unread > 0 {
            smaller.withUnsafeMutableBytes { target in
                buffer.withUnsafeBytes { _ = memcpy(target.baseAddress!, $0.baseAddress! + start, unread) }
            }
        }
        buffer = smaller
        start = 0
        end = unread
    }

    /// Moves the unread bytes to the front of the buffer, or of a new block of
    /// the same size when slices of the buffer are out.
    private mutating func compact() {
        guard start > 0 else { return }
        let unread = end - start
        if shared {
            buffer = Self.block(size: buffer.count, copying: buffer, from: start, count: unread)
            shared = false
        } else if unread > 0 {
            buffer.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, unread)
            }
        }
        start = 0
        end = unread
    }

    /// A buffer of `size` bytes that starts with the `count` bytes of `source` from `offset`;
    /// the rest is left as allocated (the reader reads into it before reading from it).
    private static func block(size: Int, copying source: [UInt8], from offset: Int, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { target, initialised in
            if count > 0 {
                source.withUnsafeBufferPointer { _ = memcpy(target.baseAddress!, $0.baseAddress! + offset, count) }
            }
            initialised = size
        }
    }

    /// Compacts, grows the buffer when a line fills it (never past
    /// `maxLineBytes` plus one chunk), and reads more.
    private mutating func fill() throws {
        compact()
        if end == buffer.count {
            let limit = maxLineBytes > Int.max - chunkSize ? Int.max : maxLineBytes + chunkSize
            buffer.append(contentsOf: repeatElement(0, count: max(1, min(buffer.count, limit - buffer.count))))
        }
        let count = try buffer.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if count == 0 { finished = true } else { end += count }
    }
}
