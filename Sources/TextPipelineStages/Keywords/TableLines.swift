#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the lines of a text that are rows of a figures table, such as the
/// newswire earnings tables:
///
/// ```text
///     Shr 70 cts vs 61 cts
///     Sales 1.38 billion vs 1.26 billion
/// ```
///
/// A row is a line of at most ``maxRowBytes`` bytes that holds the word `vs` (or `vs.`) between spaces with a
/// digit after it on the same line, and either a digit before it too, or at
/// least two such rows with digits on both sides elsewhere in the text (a
/// table whose first row spells a number, "Shr loss five cts vs loss 15 cts").
/// "Arsenal vs Chelsea at 3 pm" in a text without figure rows is prose. Its
/// first words are table headings ("Sales", "Net loss", "Avg shrs"), never
/// what the article is about, so the keyword stages let no candidate start,
/// end or pass there; the words still count in the term statistics.
///
/// - Complexity: one `memchr` scan for `v` over the text per document, then
///   work proportional to the rows.
enum TableLines {
    /// The longest line taken for a row: table rows are short; a paragraph that
    /// compares figures ("sales of 5 mln vs 3 mln last year, ...") is prose.
    static let maxRowBytes = 100

    /// Appends the byte ranges `[start, end)` of the table rows of `text`, in order,
    /// as pairs of offsets to `bounds` (start, end, start, end, ...).
    static func find(in text: UnsafeBufferPointer<UInt8>, into bounds: Column<Int32>) {
        guard let base = text.baseAddress, text.count >= 4 else { return }
        let first = bounds.count
        var strongRows = 0
        var from = 1
        var lastEnd = -1
        while from < text.count - 1 {
            guard let match = memchr(base + from, 0x76, text.count - 1 - from) else { break }  // "v"
            let vs = UnsafeRawPointer(match) - UnsafeRawPointer(base)
            from = vs + 1
            guard text[vs - 1] == 0x20, text[vs + 1] == 0x73 else { continue }  // " vs"
            let at = vs - 1
            guard at >= lastEnd, digitFollows(text, vsAt: vs) else { continue }
            let start = lineStart(text, before: at)
            let end = lineEnd(text, from: at)
            guard end - start <= maxRowBytes else { continue }
            let strong = hasDigit(text, start ..< at)
            strongRows += strong ? 1 : 0
            // A weak row is recorded with its start negated (minus one), and kept
            // below only when the text has enough strong rows.
            bounds.append(strong ? Int32(start) : -Int32(start) - 1)
            bounds.append(Int32(end))
            lastEnd = end
            from = end
        }
        keepRows(bounds, from: first, weak: strongRows >= 2)
    }

    /// Drops the weak rows appended after `first`, or makes them ordinary rows when `weak` is true.
    private static func keepRows(_ bounds: Column<Int32>, from first: Int, weak: Bool) {
        var kept = first
        for pair in stride(from: first, to: bounds.count, by: 2) {
            let start = bounds[pair]
            guard start >= 0 || weak else { continue }
            bounds[kept] = start >= 0 ? start : -(start + 1)
            bounds[kept + 1] = bounds[pair + 1]
            kept += 2
        }
        bounds.removeLast(bounds.count - kept)
    }

    /// Whether `vs` at `index` is a word (`vs` or `vs.` followed by a space) with a
    /// digit after it before the end of the line.
    private static func digitFollows(_ text: UnsafeBufferPointer<UInt8>, vsAt index: Int) -> Bool {
        var after = index + 2
        if after < text.count, text[after] == 0x2E { after += 1 }
        guard after < text.count, text[after] == 0x20 else { return false }
        while after < text.count, text[after] != 0x0A {
            if text[after] &- 0x30 < 10 { return true }
            after += 1
        }
        return false
    }

    private static func hasDigit(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where text[index] &- 0x30 < 10 { return true }
        return false
    }

    private static func lineStart(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var start = index
        while start > 0, text[start - 1] != 0x0A { start -= 1 }
        return start
    }

    private static func lineEnd(_ text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < text.count, text[end] != 0x0A { end += 1 }
        return end
    }
}
