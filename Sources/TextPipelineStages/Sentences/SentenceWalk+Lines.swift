import TextPipeline

extension SentenceWalk {
    /// Rule 3 of ``SentenceSplitter``: whether a single line break before
    /// token `k`, not already decided by a terminal cluster, ends a sentence.
    mutating func lineBreakEndsSentence(before k: Int) -> Bool {
        lineBreakDecision(before: k) ?? !paragraphEndsWithFinalPunctuation(after: view.start(k))
    }

    /// Rule 3 up to its last test: nil when the break ends the sentence
    /// unless the paragraph ends with final punctuation (a lower-case line
    /// that is not a short item). Non-mutating, so the line tests it calls
    /// borrow the walk instead of copying it.
    private func lineBreakDecision(before k: Int) -> Bool? {
        if startsParagraphOrItem(k) { return true }
        if isSalutationLine(endingAt: k - 1) { return true }  // "Best regards,\nMary Smith", also in wrapped e-mail
        if lineGoesOn(after: k - 1) { return false }
        if view.isLowercaseWord(k) {
            if layout.isWrapped || lexicon.continuations.contains(bytes: view.bytes(k)) { return false }
            if view.isByte(k - 1, 0x3A) { return true }  // "Features:\nfast startup": items after a colon
            if lineEndsWithFinalPunctuation(from: view.start(k)) { return false }  // "sentence\ncut off … pdf."
            if previousLineStartsLowercase(before: k) { return true }  // "fast startup\nsmall binary": items
            return nil
        }
        if layout.isWrapped { return isAuthoredBreakInWrappedText(before: k) }
        // "400 yd\n( 365.8 m ).", "in November\n1986.": the tail of the sentence.
        if view.punctuation(k) == .opener || view.kind(k) == .number { return !lineEndsWithFinalPunctuation(from: view.start(k)) }
        return true
    }

    /// Whether the line ending with token `last` is a greeting or sign-off:
    /// it ends with a comma, holds at most six tokens (the comma included)
    /// and starts with a capitalised word of the salutation list ("Hi John,",
    /// "Best regards,", "Dear Sir or Madam,"; not "Many of the workers who
    /// left,"). O(6).
    private func isSalutationLine(endingAt last: Int) -> Bool {
        guard view.isByte(last, 0x2C) else { return false }
        var first = last
        while first > 0, view.lineBreaks(before: first) == 0 {
            first -= 1
            if last - first > 5 { return false }
        }
        return view.isCapitalizedWord(first) && lexicon.salutations.contains(bytes: view.bytes(first))
    }

    /// Whether the comma at token `k` ends a sign-off written on one line
    /// with the name ("Respectfully, George Chriss", "Best regards, Mary"):
    /// the sentence so far is at most three tokens starting with a
    /// capitalised word of the salutation list, and after the comma come one
    /// to three capitalised words that end the line or the text. O(4).
    func endsSignOff(comma k: Int) -> Bool {
        guard k - sentenceStart <= 3, k + 1 < view.count, view.lineBreaks(before: k + 1) == 0,
            view.isCapitalizedWord(sentenceStart), lexicon.salutations.contains(bytes: view.bytes(sentenceStart))
        else { return false }
        var index = k + 1
        while index < view.count, index - k <= 3, view.lineBreaks(before: index) == 0 {
            guard view.kind(index) == .word, view.isCapitalizedWord(index) else { return false }
            index += 1
        }
        return index > k + 1 && (index == view.count || view.lineBreaks(before: index) > 0)
    }

    /// Whether the line ending with token `last` (a dash) starts with a dash
    /// too: a separator such as the signature line "-- " or
    /// "-----Original Message-----", not a sentence broken at a dash. O(16).
    private func isSeparatorLine(endingAt last: Int) -> Bool {
        var first = last
        while first > 0, view.lineBreaks(before: first) == 0 {
            first -= 1
            if last - first > 16 { return false }
        }
        return view.first(first) == 0x2D
    }

    /// Whether the line that ends just before token `k` is a short item: at
    /// most 40 bytes, starting with a lower-case ASCII letter. O(40).
    private func previousLineStartsLowercase(before k: Int) -> Bool {
        var index = view.end(k - 1)
        while index > 0, view.text[index - 1] != 0x0A {
            index -= 1
            if view.end(k - 1) - index > 40 { return false }
        }
        while index < view.end(k - 1), view.text[index] == 0x20 || view.text[index] == 0x09 { index += 1 }
        let byte = view.text[index]
        return byte >= 0x61 && byte <= 0x7A
    }

    /// Whether the line starting at byte `offset` ends with final punctuation. O(line length).
    private func lineEndsWithFinalPunctuation(from offset: Int) -> Bool {
        var index = offset
        var lastVisible = -1
        while index < view.text.count, view.text[index] != 0x0A {
            let byte = view.text[index]
            if byte != 0x20, byte != 0x09, byte != 0x0D { lastVisible = index }
            index += 1
        }
        return lastVisible >= 0 && endsWithFinalPunctuation(at: lastVisible)
    }

    /// The line that token `k` starts (after one line break) is indented or a list item.
    func startsParagraphOrItem(_ k: Int) -> Bool {
        startsListItem(k) || isNextLineIndented(k)
    }

    /// A bullet, a list marker, or `-`, `*`, `+` followed by a space. In
    /// hard-wrapped text only a bullet: "after May\n1. They" and
    /// "action\n- especially" are wrapped sentences there.
    func startsListItem(_ k: Int) -> Bool {
        if view.punctuation(k) == .bullet { return true }
        if layout.isWrapped { return false }
        if listMarker(at: k) != nil { return true }
        let isDashBullet = view.isByte(k, 0x2D) || view.isByte(k, 0x2A) || view.isByte(k, 0x2B)
        return isDashBullet && k + 1 < view.count && !view.isAttached(k + 1)
    }

    /// The line before token `k` starts with a tab or two spaces: a new paragraph in newswire.
    private func isNextLineIndented(_ k: Int) -> Bool {
        var index = view.start(k) - 1
        var indent = 0
        while index >= view.end(k - 1) {
            switch view.text[index] {
            case 0x20: indent += 1
            case 0x09: indent += 2
            default: return indent >= 2
            }
            index -= 1
        }
        return indent >= 2
    }

    /// The line ends with a comma, semicolon, hyphen, dash (unless the line
    /// is a separator, see ``isSeparatorLine(endingAt:)``), `&`, `/`, an
    /// opening bracket or a continuation word ("the", "of", "and").
    private func lineGoesOn(after last: Int) -> Bool {
        switch view.punctuation(last) {
        case .dash: return !isSeparatorLine(endingAt: last)
        case .opener: return true
        case .clause: return !view.isByte(last, 0x3A)
        default: break
        }
        if view.isByte(last, 0x26) || view.isByte(last, 0x2F) { return true }
        return view.isLowercaseWord(last) && lexicon.continuations.contains(bytes: view.bytes(last))
    }

    /// In hard-wrapped text: the previous line is a heading. It was broken
    /// although the next word would have fitted within the wrap width, and
    /// it is written in capitals. Wrapping in real newswire is too ragged for
    /// line length alone ("<Metromedia Co> said Morgan\nGuaranty"), and
    /// title case is no proof either ("Siemens Information Systems\nInc, a unit").
    private func isAuthoredBreakInWrappedText(before k: Int) -> Bool {
        let width = layout.width
        var lineStart = view.end(k - 1)
        var lineLength = 0
        while lineStart > 0, view.text[lineStart - 1] != 0x0A, lineLength <= width {
            lineStart -= 1
            if view.text[lineStart] & 0xC0 != 0x80 { lineLength += 1 }
        }
        var wordLength = 0
        var index = view.start(k)
        while index < view.text.count, wordLength <= width {
            let byte = view.text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
            if byte & 0xC0 != 0x80 { wordLength += 1 }
            index += 1
        }
        guard lineLength + 1 + wordLength <= width else { return false }
        let line = view.text[lineStart ..< view.end(k - 1)]
        return line.contains { $0 >= 0x41 && $0 <= 0x5A } && !line.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Whether the paragraph (up to the next blank line) holding byte `offset`
    /// ends with final punctuation (`.`, `!`, `?`, `:`, `…`, maybe followed by
    /// closing quotes or brackets). Cached per paragraph, so linear overall.
    mutating func paragraphEndsWithFinalPunctuation(after offset: Int) -> Bool {
        if offset < paragraphEnd { return paragraphEndsFinal }
        let text = view.text
        var index = offset
        var lastVisible = -1
        scan: while index < text.count {
            switch text[index] {
            case 0x0A:
                var next = index + 1
                while next < text.count, text[next] == 0x20 || text[next] == 0x09 || text[next] == 0x0D { next += 1 }
                if next >= text.count || text[next] == 0x0A { break scan }
            case 0x20, 0x09, 0x0D: break
            default: lastVisible = index
            }
            index += 1
        }
        paragraphEnd = max(index, offset + 1)
        paragraphEndsFinal = lastVisible >= 0 && endsWithFinalPunctuation(at: lastVisible)
        return paragraphEndsFinal
    }

    /// Whether the character ending at byte `last` is final punctuation, looking back over closers.
    private func endsWithFinalPunctuation(at last: Int) -> Bool {
        let text = view.text
        var index = last
        for _ in 0 ..< 4 {
            guard index >= 0 else { return false }
            switch text[index] {
            case 0x2E, 0x21, 0x3F, 0x3A: return true
            case 0x22, 0x27, 0x29, 0x5D: index -= 1
            case 0xA6 where index >= 2 && text[index - 2] == 0xE2 && text[index - 1] == 0x80: return true  // …
            case 0x9D where index >= 2 && text[index - 2] == 0xE2 && text[index - 1] == 0x80,
                0x99 where index >= 2 && text[index - 2] == 0xE2 && text[index - 1] == 0x80:
                index -= 3  // ” ’
            default: return false
            }
        }
        return false
    }
}
