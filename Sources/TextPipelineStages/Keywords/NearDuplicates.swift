/// YAKE's near-duplicate test: `1 - levenshtein(a, b) / max(|a|, |b|)` over folded bytes.
///
/// Keeps its two rows of scratch between calls, in one column read through pointers.
struct NearDuplicates {
    private let rows = Column<Int32>()

    /// Keys longer than this are near-duplicates only when equal, which bounds
    /// the quadratic edit distance on pathological input (one huge "word").
    static let longestCompared = 256

    /// Whether `similarity(a, b) > threshold`, skipping the distance when the
    /// lengths alone rule it out (the distance is at least the length difference).
    mutating func exceeds(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, threshold: Double) -> Bool {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return true }
        guard longest <= Self.longestCompared else { return a.elementsEqual(b) }
        let bound = 1 - Double(abs(a.count - b.count)) / Double(longest)
        guard bound > threshold else { return false }
        // The largest distance that still exceeds the threshold.
        let allowed = Int(((1 - threshold) * Double(longest)).rounded(.up)) - 1
        if allowed <= 0 { return a.elementsEqual(b) }
        if allowed == 1 { return Self.withinOneEdit(a, b) }
        return isWithin(a, b, limit: allowed)
    }

    /// Whether `a` and `b` differ by at most one insertion, deletion or substitution.
    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = short.startIndex
        var j = long.startIndex
        var edits = 0
        while i < short.endIndex, j < long.endIndex {
            if short[i] == long[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if short.count == long.count { i += 1 }
            j += 1
        }
        return edits + (long.endIndex - j) + (short.endIndex - i) <= 1
    }

    /// Whether the Levenshtein distance (insert, delete, substitute, each 1) of
    /// `a` and `b` is at most `limit`, computing only the diagonal band of width
    /// `2 × limit + 1` and stopping as soon as a whole row exceeds the limit.
    /// - Complexity: O(min(|a|, |b|) × limit).
    mutating func isWithin(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        let n = a.count
        let m = b.count
        guard abs(n - m) <= limit else { return false }
        if n == 0 || m == 0 { return max(n, m) <= limit }
        let big = Int32(limit + 1)
        rows.removeAll()
        rows.append(repeating: big, count: 2 * (m + 1))
        var previous = rows.base
        var current = rows.base + (m + 1)
        for column in 0 ... m { previous[column] = min(Int32(column), big) }
        let (a, b) = (a.baseAddress!, b.baseAddress!)
        for row in 1 ... n {
            let low = max(1, row - limit)
            let high = min(m, row + limit)
            current[0] = min(Int32(row), big)
            current[low - 1] = low == 1 ? current[0] : big
            var rowMinimum = low == 1 ? current[0] : big
            let byteA = a[row - 1]
            for column in low ... high {
                let substitution = previous[column - 1] + (byteA == b[column - 1] ? 0 : 1)
                let value = min(substitution, previous[column] + 1, current[column - 1] + 1, big)
                current[column] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < m { current[high + 1] = big }
            if rowMinimum > Int32(limit) { return false }
            swap(&previous, &current)
        }
        return previous[m] <= Int32(limit)
    }
}
