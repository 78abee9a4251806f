/// YAKE's near-duplicate test: `1 - levenshtein(a, b) / max(|a|, |b|)` over folded bytes.
///
/// Keeps its two rows of scratch between calls.
struct NearDuplicates {
    private var previous: [Int32] = []
    private var current: [Int32] = []

    /// The similarity of `a` and `b`, from 0 (nothing shared) to 1 (equal).
    /// - Complexity: O(|a| × |b|).
    mutating func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longest)
    }

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
        return similarity(a, b) > threshold
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

    /// The Levenshtein distance (insert, delete, substitute, each 1).
    mutating func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: (0 ... Int32(b.count)))
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: repeatElement(0, count: b.count + 1))
        var row: Int32 = 0
        for byteA in a {
            row += 1
            current[0] = row
            var column = 1
            for byteB in b {
                let substitution = previous[column - 1] + (byteA == byteB ? 0 : 1)
                current[column] = min(substitution, previous[column] + 1, current[column - 1] + 1)
                column += 1
            }
            swap(&previous, &current)
        }
        return Int(previous[b.count])
    }
}
