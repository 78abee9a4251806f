import TextPipeline

/// A list marker: an optional bullet, then "1.", "2)", "3.)", "a.", "B)",
/// "(iv)", "(c)", followed by white space; or a bullet alone.
struct ListMarker {
    enum Numbering: UInt8 { case bullet, digits, lowerLetter, upperLetter }
    enum Delimiter: UInt8 { case period, parenthesis, periodParenthesis, enclosed, none }

    /// The first token after the marker.
    let end: Int
    let numbering: Numbering
    let delimiter: Delimiter
    /// The number, or the letter's place in the alphabet (a = 1).
    let value: Int
    /// The value read as a roman numeral ("iv" = 4), or 0.
    let roman: Int

    /// Whether this marker is the one after `previous` in the same list ("b)" after "a)", "ii." after "i.").
    func follows(_ previous: ListMarker) -> Bool {
        guard delimiter == previous.delimiter, numbering != .bullet else { return false }
        if roman > 0, previous.roman > 0, roman == previous.roman + 1 { return true }
        return numbering == previous.numbering && value == previous.value + 1
    }
}

extension SentenceWalk {
    /// A cheap test that rejects most tokens before ``listMarker(at:)``: a
    /// short number or word followed by an attached `.` or `)`.
    @inline(__always)
    func mayStartNumberedMarker(_ k: Int) -> Bool {
        guard k + 1 < view.count, view.length(k) <= 5, view.isAttached(k + 1) else { return false }
        switch view.kind(k) {
        case .number, .word: return view.isPeriod(k + 1) || view.isByte(k + 1, 0x29)
        default: return false
        }
    }

    /// The list marker starting at token `k`, or nil.
    func listMarker(at k: Int) -> ListMarker? {
        // A bullet (every one starts with E2), "(" or a numbered marker's shape first: most tokens are none.
        guard k < view.count, view.first(k) == 0xE2 || view.isByte(k, 0x28) || mayStartNumberedMarker(k) else { return nil }
        var index = k
        let bulleted = view.punctuation(index) == .bullet
        if bulleted {
            index += 1
            guard index < view.count else { return nil }
        }
        return numberedMarker(at: index) ?? (bulleted ? ListMarker(end: index, numbering: .bullet, delimiter: .none, value: 0, roman: 0) : nil)
    }

    /// "1." / "2)" / "3.)" / "a." / "(iv)" at token `k`, followed by white space and more text.
    private func numberedMarker(at k: Int) -> ListMarker? {
        var index = k
        let enclosed = view.isByte(index, 0x28)
        if enclosed { index += 1 }
        guard index + 1 < view.count, !enclosed || view.isAttached(index) else { return nil }
        let core = index
        guard let (numbering, value, roman) = markerValue(core) else { return nil }
        index += 1
        guard view.isAttached(index) else { return nil }
        let delimiter: ListMarker.Delimiter
        if enclosed {
            guard view.isByte(index, 0x29) else { return nil }
            delimiter = .enclosed
        } else if view.isByte(index, 0x29) {
            delimiter = .parenthesis
        } else if view.isPeriod(index) {
            if index + 1 < view.count, view.isAttached(index + 1), view.isByte(index + 1, 0x29) {
                index += 1
                delimiter = .periodParenthesis
            } else {
                delimiter = .period
            }
        } else {
            return nil
        }
        index += 1
        // Text must follow on the same line: "July\n10.\n" is a date, not an item.
        guard index < view.count, !view.isAttached(index), view.lineBreaks(before: index) == 0 else { return nil }
        return ListMarker(end: index, numbering: numbering, delimiter: delimiter, value: value, roman: roman)
    }

    /// One to three digits, one ASCII letter, or a lower-case roman numeral up to "xxx".
    private func markerValue(_ index: Int) -> (ListMarker.Numbering, Int, Int)? {
        let bytes = view.bytes(index)
        if view.kind(index) == .number, view.isShortNumber(index) {
            return (.digits, bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }, 0)
        }
        guard view.kind(index) == .word, bytes.count <= 5 else { return nil }
        let roman = Self.romanValue(bytes)
        if bytes.count == 1 {
            let byte = bytes[0]
            if byte >= 0x61 && byte <= 0x7A { return (.lowerLetter, Int(byte - 0x60), roman) }
            if byte >= 0x41 && byte <= 0x5A { return (.upperLetter, Int(byte - 0x40), roman) }
            return nil
        }
        return roman > 0 ? (.lowerLetter, 0, roman) : nil
    }

    /// The value of a lower-case roman numeral made of i, v, x (1 to 39), or 0.
    static func romanValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var previous = 0
        for byte in bytes.reversed() {
            let digit: Int
            switch byte {
            case 0x69: digit = 1
            case 0x76: digit = 5
            case 0x78: digit = 10
            default: return 0
            }
            if digit < previous { total -= digit } else { total += digit; previous = digit }
        }
        return total
    }

    /// A bullet after white space, or the list marker after the last one in
    /// sequence ("1) one 2) two"), starts a sentence at token `k`.
    func continuesList(at k: Int) -> Bool {
        let kind = view.kind(k)
        guard kind == .number || kind == .word || kind == .punctuation, k > sentenceStart, k >= handledUntil,
            !view.isAttached(k)
        else { return false }
        if kind == .word, lastMarker == nil { return false }
        if view.first(k) == 0xE2, view.punctuation(k) == .bullet { return true }  // every bullet starts with E2
        guard let last = lastMarker, k - last.end <= 200, mayStartNumberedMarker(k), let marker = listMarker(at: k) else { return false }
        return marker.delimiter != .enclosed && marker.follows(last)
    }
}
