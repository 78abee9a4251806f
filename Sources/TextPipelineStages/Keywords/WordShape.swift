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

    /// The shape of `bytes`, a word that is the `position`-th word of its sentence.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, position: Int) -> WordShape {
        var upper = 0
        var lower = 0
        for byte in bytes {
            if byte &- 0x41 < 26 { upper += 1 } else if byte &- 0x61 < 26 { lower += 1 }
        }
        if upper > 0, lower == 0, !(upper == 1 && bytes.count == 1 && position == 0) { return .acronym }
        guard let first = bytes.first, first &- 0x41 < 26, lower > 0 else { return .plain }
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

    /// The number of characters (Unicode scalars) of a folded form.
    static func characterCount(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in folded where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
