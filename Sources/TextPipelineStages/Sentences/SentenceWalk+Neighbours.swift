import TextPipeline

/// The first substantial token after a terminal cluster.
struct LookAhead {
    enum Kind { case lowercase, capitalized, number, clause, other }
    /// The token looked at, after skipping up to three opening quotes, brackets or dashes.
    let index: Int
    let kind: Kind
}

extension SentenceWalk {
    /// Skips the closing quotes and brackets, and further terminators, attached after a terminator.
    /// A double quote set off by one space at the end of a line or text
    /// still closes the sentence ("documents. "\n\nThe").
    func absorbClosers(from start: Int) -> Int {
        var index = start
        while index < view.count, view.isAttached(index) {
            switch view.punctuation(index) {
            case .closer, .period, .strong, .ellipsis, .fullWidth: index += 1
            default: return index
            }
        }
        if index < view.count, view.isByte(index, 0x22) || view.length(index) == 3 && view.punctuation(index) == .closer,
            view.start(index) - view.end(index - 1) == 1, index + 1 == view.count || view.lineBreaks(before: index + 1) > 0
        {
            index += 1
        }
        return index
    }

    /// Skips footnote marks attached after a full stop: "martyr.[1][2]",
    /// "consultation.11", and a list of them "consultation.11 12 Next".
    func absorbFootnotes(from start: Int) -> Int {
        var index = start
        while index + 2 < view.count, view.isAttached(index), view.isByte(index, 0x5B), view.isShortNumber(index + 1),
            view.isAttached(index + 1), view.isByte(index + 2, 0x5D), view.isAttached(index + 2)
        {
            index += 3
        }
        if index == start, index < view.count, view.isAttached(index), view.isShortNumber(index),
            index + 1 == view.count || !view.isAttached(index + 1)
        {
            index += 1
            while index + 1 < view.count, view.isShortNumber(index), view.start(index) - view.end(index - 1) == 1,
                !view.isAttached(index + 1), view.isCapitalizedWord(index + 1)
            {
                index += 1
            }
        }
        return index
    }

    /// Skips emoticons (":)", ";-P") and emoji that follow a terminator after a space.
    func absorbTrailing(from start: Int) -> Int {
        var index = start
        while index < view.count, !view.isAttached(index) {
            if view.kind(index) == .emoji {
                index += 1
            } else if let end = emoticonEnd(at: index) {
                index = end
            } else {
                break
            }
        }
        return index
    }

    /// The token after an emoticon starting at token `index` (eyes `:;=`, an
    /// optional nose `-'^o`, one or more mouths `)(][DPpOo3/|*`), which must be
    /// followed by white space or the end of the text; nil when there is none.
    func emoticonEnd(at index: Int) -> Int? {
        let text = view.text
        var byte = view.start(index)
        guard Self.isEyes(text[byte]) else { return nil }
        byte += 1
        if byte < text.count, text[byte] == 0x2D || text[byte] == 0x27 || text[byte] == 0x5E || text[byte] == 0x6F { byte += 1 }
        let mouthStart = byte
        while byte < text.count, byte - mouthStart < 4, Self.isMouth(text[byte]) { byte += 1 }
        guard byte > mouthStart, byte == text.count || text[byte] == 0x20 || text[byte] == 0x0A || text[byte] == 0x09 || text[byte] == 0x0D
        else { return nil }
        var end = index
        while end < view.count, view.end(end) <= byte { end += 1 }
        return view.end(end - 1) == byte ? end : nil
    }

    /// `:`, `;` or `=`, the eyes an emoticon starts with.
    @inline(__always)
    static func isEyes(_ byte: UInt8) -> Bool { byte == 0x3A || byte == 0x3B || byte == 0x3D }

    private static func isMouth(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x29, 0x28, 0x5D, 0x5B, 0x44, 0x50, 0x70, 0x4F, 0x6F, 0x33, 0x2F, 0x7C, 0x2A: true
        default: false
        }
    }

    /// Looks past up to three opening quotes, brackets and dashes from token `start` (< count).
    func lookAhead(from start: Int) -> LookAhead {
        if view.punctuation(start) == .clause { return LookAhead(index: start, kind: .clause) }
        var index = start
        while index + 1 < view.count, index - start < 3 {
            switch view.punctuation(index) {
            case .opener, .dash, .closer: index += 1  // a quote after a space opens
            default: return classify(index)
            }
        }
        return classify(index)
    }

    private func classify(_ index: Int) -> LookAhead {
        if view.isLowercaseWord(index) { return LookAhead(index: index, kind: .lowercase) }
        if view.isCapitalizedWord(index) { return LookAhead(index: index, kind: .capitalized) }
        if view.kind(index) == .number { return LookAhead(index: index, kind: .number) }
        return LookAhead(index: index, kind: .other)
    }
}
