/// The class of one word occurrence, after YAKE's tags (`p`, `n`, `a`, `d`, `u`).
///
/// Departures from the published tags, for tokens YAKE's tokenizer never
/// produces: a word counts as an acronym when it has a capital and no small
/// letter (`U.S`, `AT&T`), and as capitalised when its first letter is a
/// capital followed by a small letter (`McDonald`).
enum WordShape: UInt8 {
    /// Lower case, or capitalised at the start of a sentence.
    case plain
    /// Capitalised inside a sentence (YAKE `n`).
    case capitalised
    /// All capitals (YAKE `a`).
    case acronym

    /// The shape of a word with these `letters` (counted while folding), the `position`-th word of its sentence.
    @inline(__always)
    static func of(_ letters: TermFolding.Letters, count: Int, position: Int) -> WordShape {
        // A one-byte form has at most one capital: "one capital alone" is `count == 1`.
        if letters.hasUpper, !letters.hasLower, !(count == 1 && position == 0) { return .acronym }
        guard letters.firstIsUpper, letters.hasLower else { return .plain }
        return position > 0 ? .capitalised : .plain
    }
}

/// Properties of a folded word form that do not depend on where it occurs.
enum FormClass {
    /// Whether the form is a number (YAKE `d`: digits with `,` `.` `-` `+` only)
    /// or unusual (YAKE `u`: digits mixed with letters, no letter or digit at all,
    /// or more than one punctuation character other than `.` and `'`). Such forms never start, end or
    /// join a candidate.
    static func isNumericOrUnusual(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var letters = 0
        var marks = 0
        for byte in folded {
            if byte &- 0x30 < 10 { digits += 1 } else if byte &- 0x61 < 26 || byte >= 0x80 { letters += 1 } else if byte != 0x2E, byte != 0x27 { marks += 1 }
        }
        return digits > 0 || letters == 0 || marks > 1
    }

    /// ``characterCount(_:)`` and ``isNumericOrUnusual(_:)`` together. An all-ASCII
    /// form is read in 8-byte chunks, so `folded` must be readable 8 bytes past its
    /// end (``FoldBuffer``); other forms take the byte loops.
    @inline(__always)
    static func classify(readingChunks folded: UnsafeBufferPointer<UInt8>) -> (characters: Int, isNumericOrUnusual: Bool) {
        let high = ByteLanes.highs, ones = ByteLanes.ones
        let raw = UnsafeRawPointer(folded.baseAddress!)
        let count = folded.count
        var digits: UInt64 = 0
        var smalls: UInt64 = 0
        var marks: UInt64 = 0
        var manyMarks = false
        var offset = 0
        while offset < count {
            var chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let take = count &- offset
            if take < 8 { chunk &= (1 &<< UInt64(8 &* take)) &- 1 }
            if chunk & high != 0 { return (characterCount(folded), isNumericOrUnusual(folded)) }
            let valid = take < 8 ? ((1 &<< UInt64(8 &* take)) &- 1) & high : high
            // Every byte is below 0x80, so adding at most 0x80 never carries into the next byte.
            let digit = (chunk &+ ones &* 0x50) & ~(chunk &+ ones &* 0x46) & valid  // 0x30 ... 0x39
            let small = ByteLanes.smalls(inASCII: chunk) & valid  // 0x61 ... 0x7A
            let dot = ~((chunk ^ ones &* 0x2E) &+ ones &* 0x7F) & valid  // exactly 0x2E
            let apostrophe = ~((chunk ^ ones &* 0x27) &+ ones &* 0x7F) & valid  // exactly 0x27
            let mark = valid & ~digit & ~small & ~dot & ~apostrophe
            if mark != 0, marks != 0 || mark & (mark &- 1) != 0 { manyMarks = true }
            digits |= digit
            smalls |= small
            marks |= mark
            offset &+= 8
        }
        return (count, digits != 0 || smalls == 0 || manyMarks)
    }

    /// The number of characters (Unicode scalars) of a folded form.
    static func characterCount(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in folded where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
