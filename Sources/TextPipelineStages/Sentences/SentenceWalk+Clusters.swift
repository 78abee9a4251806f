import TextPipeline

/// Where a terminal cluster ends and whether the sentence ends there.
struct ClusterDecision {
    /// The first token after the cluster.
    let end: Int
    /// The token before which the sentence ends, or nil when it goes on.
    let breakBefore: Int?

    static func goOn(_ end: Int) -> ClusterDecision { ClusterDecision(end: end, breakBefore: nil) }
    static func breakAt(_ end: Int) -> ClusterDecision { ClusterDecision(end: end, breakBefore: end) }
}

/// What the word before a full stop is.
enum PrecedingWord {
    /// No word touches the period ("2.5 ." or a period after a space).
    case detached
    /// A word that is not an abbreviation, a number, or a closing bracket.
    case ordinary
    case abbreviation(AbbreviationList.Kind)
    /// One upper-case letter ("E" in "Jonas E. Smith", "I").
    case initial
}

extension SentenceWalk {
    /// Decides the terminal cluster that starts at token `t` (a terminator).
    func decideCluster(at t: Int) -> ClusterDecision {
        switch view.punctuation(t) {
        case .period: return decidePeriods(at: t)
        case .ellipsis: return decideEllipsis(at: t, end: absorbTrailing(from: absorbClosers(from: t + 1)))
        case .fullWidth:
            let end = absorbClosers(from: t + 1)
            guard end < view.count, !(view.punctuation(end) == .clause) else { return .goOn(end) }
            return .breakAt(end)
        default: return decideStrong(at: t)
        }
    }

    /// An emoticon or emoji after a space, with no terminator, ends a
    /// sentence before a capitalised sentence starter ("Thanks :) See you",
    /// "We won 🎉 The party …"); nil when token `k` is neither. Only for
    /// tokens that pass ``mayStartEmoticon(_:)``.
    func decideEmoticon(at k: Int) -> ClusterDecision? {
        let end = absorbTrailing(from: k)
        guard end > k else { return nil }
        guard end < view.count, !view.isAttached(end) else { return .goOn(end) }
        let next = lookAhead(from: end)
        return next.kind == .capitalized && isStarter(next.index) ? .breakAt(end) : .goOn(end)
    }

    /// An emoji, or punctuation starting with an emoticon's eyes, after white space.
    @inline(__always)
    func mayStartEmoticon(_ k: Int) -> Bool {
        k > 0 && !view.isAttached(k) && (view.kind(k) == .emoji || view.kind(k) == .punctuation && Self.isEyes(view.first(k)))
    }

    /// `?`, `!` and their kin: a sentence ends unless a lower-case word, a
    /// comma, an attached token or an open bracket follows.
    private func decideStrong(at t: Int) -> ClusterDecision {
        let end = absorbTrailing(from: absorbClosers(from: t + 1))
        guard end < view.count else { return .goOn(end) }
        if view.isAttached(end) { return isRunTogetherAfterQuote(end) ? .breakAt(end) : .goOn(end) }
        if isInsideBrackets(t, clusterEnd: end) || isQuotationWithComment(clusterEnd: end) { return .goOn(end) }
        let next = lookAhead(from: end)
        if startsNumberedItem(end) { return .breakAt(end) }
        if isAttributedQuotation(clusterEnd: end, next: next) { return .goOn(end) }
        switch next.kind {
        case .clause: return .goOn(end)
        case .lowercase:
            return isAuthoredLineBreak(before: end) || isInformalLowercaseStart(at: t, clusterEnd: end, next: next.index) ? .breakAt(end) : .goOn(end)
        default: return .breakAt(end)
        }
    }

    /// `?` or `!` before a lower-case word ends the sentence in informal
    /// text ("Is it worth it? yes, definitely.", "so funny!! anyway see u")
    /// when: the cluster holds no closing quote or bracket ("'Well!' thought
    /// Alice"); either it touches a lower-case word in a sentence of at least
    /// two words ("Yahoo! in the …" goes on) or it is a run of terminators
    /// ("OMG!!! best news"); the next word directly follows the cluster and is
    /// no continuation word ("real? or just a dream"); and neither it nor the
    /// word after it is a reporting verb ("Leave me alone! he yelled.").
    private func isInformalLowercaseStart(at t: Int, clusterEnd end: Int, next: Int) -> Bool {
        guard next == end, wordsInSentence >= 1, t > 0, view.isAttached(t), view.kind(t - 1) == .word,
            view.punctuation(end - 1) != .closer
        else { return false }
        // A run ("OMG!!! best news") is emphasis, not part of a name like "Yahoo!".
        let isRun = view.length(t) > 1 || t + 1 < end && view.isAttached(t + 1) && view.isTerminator(t + 1)
        guard isRun ? wordsInSentence >= 1 : wordsInSentence >= 2 && view.isLowercaseWord(t - 1) else { return false }
        let word = view.bytes(next)
        if lexicon.continuations.contains(bytes: word) || lexicon.reportingVerbs.contains(bytes: word) { return false }
        let after = next + 1
        if after < view.count, view.isLowercaseWord(after), lexicon.reportingVerbs.contains(bytes: view.bytes(after)) { return false }
        return true
    }

    /// Runs of `.`: ellipses (attached, spaced, in brackets), the
    /// four-dot "word. . . ." and the single full stop.
    private func decidePeriods(at t: Int) -> ClusterDecision {
        var attachedEnd = t + 1
        while attachedEnd < view.count, view.isAttached(attachedEnd), view.isPeriod(attachedEnd) { attachedEnd += 1 }
        var spacedEnd = attachedEnd
        while spacedEnd < view.count, view.isPeriod(spacedEnd), view.start(spacedEnd) - view.end(spacedEnd - 1) == 1,
            view.text[view.start(spacedEnd) - 1] == 0x20
        { spacedEnd += 1 }
        let dots = spacedEnd - t
        if t > 0, view.isAttached(t), spacedEnd < view.count, view.isAttached(spacedEnd),
            view.isByte(t - 1, 0x5B) && view.isByte(spacedEnd, 0x5D) || view.isByte(t - 1, 0x28) && view.isByte(spacedEnd, 0x29)
        {
            return .goOn(spacedEnd + 1)  // "[...]": an omission, not an ellipsis
        }
        if attachedEnd == t + 1, dots >= 4, t > 0, view.isAttached(t) {
            // "word. . . . Next": the period ends the sentence, the ellipsis opens the next.
            let end = absorbClosers(from: spacedEnd)
            return ClusterDecision(end: end, breakBefore: opensSentenceAfterEllipsis(end) ? t + 1 : nil)
        }
        if dots >= 2 { return decideEllipsis(at: t, end: absorbTrailing(from: absorbClosers(from: spacedEnd))) }
        return decideFullStop(at: t)
    }

    /// An ellipsis ends a sentence only before a capitalised word other than
    /// "I", and never when it opens the sentence.
    private func decideEllipsis(at t: Int, end: Int) -> ClusterDecision {
        guard t > sentenceStart, end < view.count, !view.isAttached(end) else { return .goOn(end) }
        return opensSentenceAfterEllipsis(end) ? .breakAt(end) : .goOn(end)
    }

    private func opensSentenceAfterEllipsis(_ end: Int) -> Bool {
        guard end < view.count, !view.isAttached(end) else { return false }
        let next = lookAhead(from: end)
        return next.kind == .capitalized && !view.isPronounI(next.index)
    }

    /// A single `.`, decided by the word before it and what follows.
    private func decideFullStop(at t: Int) -> ClusterDecision {
        let preceding = precedingWord(t)
        var end = absorbClosers(from: t + 1)
        if case .detached = preceding {} else { end = absorbFootnotes(from: end) }
        end = absorbTrailing(from: end)
        guard end < view.count else { return .goOn(end) }
        if view.isAttached(end) {
            return end == t + 1 && isRunTogether(at: t) || isRunTogetherAfterQuote(end) ? .breakAt(end) : .goOn(end)
        }
        if isQuotationWithComment(clusterEnd: end) { return .goOn(end) }
        let next = lookAhead(from: end)
        if next.kind == .clause { return .goOn(end) }
        switch preceding {
        case .detached, .ordinary: if startsNumberedItem(end) { return .breakAt(end) }
        default: break
        }
        if isAttributedQuotation(clusterEnd: end, next: next) { return .goOn(end) }
        let ends: Bool
        switch preceding {
        case .detached, .ordinary:
            ends = next.kind != .lowercase || isAuthoredLineBreak(before: end)
        case .abbreviation(.number):
            ends = next.kind != .lowercase && next.kind != .number
        case .abbreviation(.prefix):
            ends = next.kind == .capitalized && isStarter(next.index)
        case .abbreviation(.general):
            ends = next.kind == .capitalized && (isStarter(next.index) || isTitleAfterLongSentence(next.index) || isAuthoredLineBreak(before: end))
        case .abbreviation(.time):
            ends = next.kind == .capitalized && !isTimeQualifier(next.index) && (!isTitle(next.index) || isTitleAfterLongSentence(next.index))
        case .initial:
            ends = next.kind == .capitalized && (isStarter(next.index) || isAuthoredLineBreak(before: end))
        }
        return ends ? .breakAt(end) : .goOn(end)
    }

    /// Classifies the word touching the period at `t`.
    func precedingWord(_ t: Int) -> PrecedingWord {
        guard t > 0, view.isAttached(t) else { return .detached }
        var first = t - 1
        if view.kind(first) == .symbol, first > 0, view.isAttached(first), view.kind(first - 1) == .word { first -= 1 }  // "N°"
        guard view.kind(first) == .word else { return .ordinary }
        let word = UnsafeBufferPointer(rebasing: view.text[view.start(first) ..< view.end(t - 1)])
        // One capital is an initial even where the lower-case letter is listed ("p. 55" but "Jonas P. Smith").
        if word.count == 1, word[0] >= 0x41, word[0] <= 0x5A { return .initial }
        if let kind = lexicon.abbreviations.kind(of: word) {
            // "SEC." or "ART." in capitals is an acronym or a shouted word, not "Sec. 5" or "Art. 3".
            if kind != .general, word.count >= 2, word.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return .abbreviation(.general) }
            return .abbreviation(kind)
        }
        if word.contains(0x2E) { return .abbreviation(.general) }  // "U.S", "i.v", "Ph.D"
        if word.count == 1, word[0] >= 0x61, word[0] <= 0x7A { return .abbreviation(.general) }
        return .ordinary
    }

    /// A capitalised word from the sentence-starter list.
    func isStarter(_ index: Int) -> Bool { lexicon.starters.contains(bytes: view.bytes(index)) }

    /// A word that goes on after "a.m." / "p.m.": a time zone in capitals
    /// ("EST"), or a word of the time-qualifier list ("Monday", "Eastern").
    private func isTimeQualifier(_ index: Int) -> Bool {
        let word = view.bytes(index)
        if word.count <= 4, word.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return true }
        return lexicon.timeQualifiers.contains(bytes: word)
    }

    /// A title abbreviation ("Mr", "Dr") followed by its period.
    private func isTitle(_ index: Int) -> Bool {
        guard index + 1 < view.count, view.isPeriod(index + 1), view.isAttached(index + 1) else { return false }
        return lexicon.abbreviations.kind(of: view.bytes(index)) == .prefix
    }

    /// "… at 6 P.M. Mr. Smith …": a title abbreviation after an abbreviation
    /// opens a new sentence when the sentence so far is long enough to be one
    /// (four words or numbers; "At 5 a.m. Mr. Smith" is one sentence).
    private func isTitleAfterLongSentence(_ index: Int) -> Bool {
        wordsInSentence >= 4 && isTitle(index)
    }

    /// A single line break in authored (not hard-wrapped) text before token `index`.
    func isAuthoredLineBreak(before index: Int) -> Bool {
        newlines == .auto && !layout.isWrapped && view.lineBreaks(before: index) > 0
    }

    /// "world.Today": the tokenizer split a word run together with the next
    /// sentence (see `run_together_stop` in the C bridge); the same test here.
    /// A number may stand before the stop too ("bought 1,000.That is").
    private func isRunTogether(at t: Int) -> Bool {
        guard t > 0, t + 1 < view.count, view.isAttached(t), view.kind(t + 1) == .word, view.length(t + 1) >= 2 else { return false }
        let left = view.bytes(t - 1)
        switch view.kind(t - 1) {
        case .number:
            guard left.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2C }) else { return false }
        case .word:
            guard left.count >= 2, left.allSatisfy({ $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }),
                left[left.count - 1] >= 0x61, left[left.count - 2] >= 0x61
            else { return false }
        default:
            return false
        }
        let right = view.bytes(t + 1)
        return right[0] >= 0x41 && right[0] <= 0x5A && right[1] >= 0x61 && right[1] <= 0x7A
    }

    /// `monuments.”Commented Joan`: a closing double quote after the
    /// terminator, then a capitalised word with no space.
    private func isRunTogetherAfterQuote(_ end: Int) -> Bool {
        guard end < view.count, view.kind(end) == .word, view.length(end) >= 2 else { return false }
        let quote = view.bytes(end - 1)
        let isDoubleQuote = quote.count == 1 && quote[0] == 0x22 || quote.count == 3 && quote[0] == 0xE2 && quote[1] == 0x80 && quote[2] == 0x9D
        let word = view.bytes(end)
        return isDoubleQuote && word[0] >= 0x41 && word[0] <= 0x5A && word[1] >= 0x61 && word[1] <= 0x7A
    }

    /// `"Why not?" Smith asked.`: a quotation closed by the cluster, then a
    /// capitalised name (not a sentence starter) of one or two words and a
    /// reporting verb that ends the sentence (followed by `.`), on the same line.
    private func isAttributedQuotation(clusterEnd end: Int, next: LookAhead) -> Bool {
        guard next.kind == .capitalized, next.index == end, view.lineBreaks(before: end) == 0, view.punctuation(end - 1) == .closer,
            !(view.isByte(end - 1, 0x29) || view.isByte(end - 1, 0x5D)), !isStarter(end)
        else { return false }
        var index = end + 1
        while index + 1 < view.count, index <= end + 2, view.lineBreaks(before: index) == 0 {
            if view.kind(index) != .word { return false }
            if view.isLowercaseWord(index), lexicon.reportingVerbs.contains(bytes: view.bytes(index)) {
                // The attribution ends the sentence: "Smith asked." (not "Smith added, "…")
                return view.isPeriod(index + 1)
            }
            index += 1
        }
        return false
    }

    /// A list marker after a sentence end starts an item even before a
    /// lower-case word ("the store. w) hello"); a single capital with a period
    /// is an initial ("J. R. R. Tolkien") and does not count.
    private func startsNumberedItem(_ index: Int) -> Bool {
        guard let marker = listMarker(at: index) else { return false }
        return !(marker.numbering == .upperLetter && marker.delimiter == .period)
    }

    /// A quotation closed by the cluster and followed on the same line by a
    /// bracket: the bracket comments on the quotation or cites it
    /// ("… stairways [...]" (Smith 55).", "… house!' (Which was very likely true.)").
    private func isQuotationWithComment(clusterEnd end: Int) -> Bool {
        guard end < view.count, view.isByte(end, 0x28), view.lineBreaks(before: end) == 0 else { return false }
        let last = end - 1
        guard view.punctuation(last) == .closer else { return false }
        return !(view.isByte(last, 0x29) || view.isByte(last, 0x5D) || view.isByte(last, 0x7D))
    }

    /// Whether the `?` or `!` at `t` sits inside a bracket opened in this
    /// sentence at most 40 tokens back and not closed by the cluster: an
    /// aside ("[16: firma? 13:28]", "(really?)"). Full stops inside brackets
    /// still end sentences ("(He left. She stayed.)").
    private func isInsideBrackets(_ t: Int, clusterEnd: Int) -> Bool {
        guard openBrackets > 0, t - lastOpenBracket <= 40 else { return false }
        for index in t ..< clusterEnd where view.isByte(index, 0x29) || view.isByte(index, 0x5D) { return false }
        return true
    }
}
