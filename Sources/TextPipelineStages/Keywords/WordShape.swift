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
        if letters.upper > 0, letters.lower == 0, !(letters.upper == 1 && count == 1 && position == 0) { return .acronym }
        guard letters.firstIsUpper, letters.lower > 0 else { return .plain }
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

    /// ``characterCount(_:)`` and ``isNumericOrUnusual(_:)`` in one pass.
    @inline(__always)
    static func classify(_ folded: UnsafeBufferPointer<UInt8>) -> (characters: Int, isNumericOrUnusual: Bool) {
        var characters = 0
        var digits = 0
        var letters = 0
        var marks = 0
        for byte in folded {
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte &- 0x30 < 10 { digits += 1 } else if byte &- 0x61 < 26 || byte >= 0x80 { letters += 1 } else if byte != 0x2E, byte != 0x27 { marks += 1 }
        }
        return (characters, digits > 0 || letters == 0 || marks > 1)
    }

    /// The number of characters (Unicode scalars) of a folded form.
    static func characterCount(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in folded where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
