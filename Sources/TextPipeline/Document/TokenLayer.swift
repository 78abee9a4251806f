/// The token layer: one row per token, stored as columns of UTF-8 byte offsets.
///
/// Tokens are sorted, non-overlapping and never contain only white space.
/// `starts[i] ..< ends[i]` is token `i`'s byte range in ``Document/utf8``.
public struct TokenLayer: Sendable, Equatable {
    /// The UTF-8 byte offset where each token starts.
    public private(set) var starts: [Int32] = []
    /// The UTF-8 byte offset just past each token.
    public private(set) var ends: [Int32] = []
    /// Each token's kind.
    public private(set) var kinds: [TokenKind] = []

    /// An empty layer.
    public init() {}

    /// A layer from its columns.
    /// - Precondition: the columns have the same count; tokens are sorted and non-overlapping.
    public init(starts: [Int32], ends: [Int32], kinds: [TokenKind]) {
        precondition(starts.count == ends.count && ends.count == kinds.count, "token columns differ in length")
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
    }

    /// The number of tokens.
    public var count: Int { starts.count }
    /// Whether the layer has no token.
    public var isEmpty: Bool { starts.isEmpty }

    /// Appends a token; callers keep tokens sorted and non-overlapping.
    public mutating func append(start: Int32, end: Int32, kind: TokenKind) {
        starts.append(start)
        ends.append(end)
        kinds.append(kind)
    }

    /// Replaces every token with the given columns, copied in bulk.
    /// A raw kind that is not one of ``TokenKind`` becomes ``TokenKind/other``.
    /// - Precondition: the three buffers have the same count.
    public mutating func replaceAll(starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>, kinds: UnsafeBufferPointer<UInt8>) {
        precondition(starts.count == ends.count && ends.count == kinds.count, "token columns differ in length")
        removeAll()
        self.starts.append(contentsOf: starts)
        self.ends.append(contentsOf: ends)
        // Every raw value valid (the usual case): the kinds are copied as bytes, since a
        // `TokenKind` is stored as its raw value (cases 0 to 7 in declaration order).
        var largest: UInt8 = 0
        for raw in kinds { largest = max(largest, raw) }
        if largest <= Self.largestKindRawValue {
            kinds.withMemoryRebound(to: TokenKind.self) { self.kinds.append(contentsOf: $0) }
            return
        }
        self.kinds.reserveCapacity(kinds.count)
        for raw in kinds { self.kinds.append(TokenKind(rawValue: raw) ?? .other) }
    }

    /// The largest raw value of ``TokenKind``; its cases run from 0 to this without gaps.
    static let largestKindRawValue = UInt8(TokenKind.allCases.count - 1)

    /// Reserves room for `capacity` tokens in every column.
    public mutating func reserveCapacity(_ capacity: Int) {
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        kinds.reserveCapacity(capacity)
    }

    /// Removes every token, keeping the storage for reuse.
    public mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
    }

    /// The byte range of token `index`.
    public func byteRange(_ index: Int) -> Range<Int> { Int(starts[index]) ..< Int(ends[index]) }

    /// The index of the first token whose end is after `byteOffset`, or `count`.
    /// - Complexity: O(log n).
    public func firstToken(endingAfter byteOffset: Int32) -> Int {
        firstToken(endingAfter: byteOffset, from: 0)
    }

    /// ``firstToken(endingAfter:)`` for a caller that knows no token before `from` ends after
    /// `byteOffset`: gallops forward from `from`, so ascending queries near one another are cheap.
    /// - Complexity: O(log d), where d is the distance from `from` to the answer.
    @inlinable
    public func firstToken(endingAfter byteOffset: Int32, from: Int) -> Int {
        var low = from, high = from, step = 1
        while high < count, ends[high] <= byteOffset {
            low = high + 1
            high += step
            step <<= 1
        }
        high = min(high, count)
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= byteOffset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
