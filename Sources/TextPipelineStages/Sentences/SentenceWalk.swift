import TextPipeline

/// One left-to-right pass of ``SentenceSplitter`` over one document.
///
/// For each token `k` the walk first decides the gap before it (blank line,
/// a decision taken earlier by a terminal cluster, a line break, a list
/// marker in sequence, an ICU boundary after a foreign terminator), then, if
/// `k` starts a terminal cluster, decides where that cluster's sentence ends.
///
/// Non-copyable: one walk per document, borrowed by its helper methods and
/// never duplicated. Only the walk's own bookkeeping is `mutating`: a
/// non-mutating method called from a mutating one gets a copy of the whole
/// walk (a few hundred bytes), so the rules that decide a cluster or a line
/// break are non-mutating, and they are called only after inlined checks
/// that read single fields.
struct SentenceWalk: ~Copyable {
    /// Which line breaks end sentences (the splitter's).
    let newlines: SentenceSplitter.NewlineMode
    /// The splitter's lexicon, borrowed for the walk: holding a copy would retain and release its
    /// dozen shared buffers once per document, reference counts that two workers on two cores
    /// then bounce between their caches.
    let lexiconAddress: UnsafePointer<SentenceLexicon>
    let view: TokenView
    let candidates: UnsafeBufferPointer<Int32>
    let layout: LineLayout

    /// First token of the current sentence.
    var sentenceStart = 0
    /// Words and numbers in the current sentence so far.
    var wordsInSentence = 0
    /// Tokens before this index belong to a cluster or list marker already handled.
    var handledUntil = 0
    /// The gap before this token was decided by a terminal cluster...
    var decidedGap = -1
    /// ...and this is the decision.
    var decidedBreak = false
    /// The last list marker seen, for "the next marker in sequence".
    var lastMarker: ListMarker?
    /// Unclosed `(` / `[` in the current sentence, and where the last one opened.
    var openBrackets = 0
    var lastOpenBracket = 0
    var candidateIndex = 0
    /// Byte offset of the closing quote of the current embedded quotation (see ``noteEmbeddedQuotation(at:)``).
    var quoteClose = 0
    /// Bytes below this offset hold no closing quote for any earlier opening one.
    var quoteSearchedUntil = 0
    /// Cache of ``paragraphEndsWithFinalPunctuation(after:)``: valid for byte offsets below `paragraphEnd`.
    var paragraphEnd = -1
    var paragraphEndsFinal = false

    /// A walk over `view`. `lexicon` must stay valid until the walk ends.
    init(
        newlines: SentenceSplitter.NewlineMode, lexicon: UnsafePointer<SentenceLexicon>, view: TokenView,
        candidates: UnsafeBufferPointer<Int32>
    ) {
        self.newlines = newlines
        self.lexiconAddress = lexicon
        self.view = view
        self.candidates = candidates
        self.layout = newlines == .auto ? LineLayout(text: view.text) : LineLayout(isWrapped: false, width: 0)
    }

    /// The word lists, read in place (an addressor: no copy, no reference counting).
    var lexicon: SentenceLexicon { unsafeAddress { lexiconAddress } }

    /// Appends every sentence of the document to `sentences`.
    mutating func run(into sentences: inout SentenceLayer) {
        let count = view.count
        beginSentence(at: 0)
        visit(0)
        var k = 1
        while k < count {
            if candidates.isEmpty, lastMarker == nil {
                // The usual case: a run of plain words, skipped in a loop of locals.
                let runEnd = view.endOfPlainWords(from: k, stoppingAt: decidedGap)
                wordsInSentence += runEnd - k  // all that `visit` does for them
                k = runEnd
                if k == count { break }
            } else if isPlainWord(k) {
                wordsInSentence += 1
                k += 1
                continue
            }
            if endsSentence(before: k) {
                sentences.append(tokens: sentenceStart ..< k)
                beginSentence(at: k)
            }
            visit(k)
            k += 1
        }
        sentences.append(tokens: sentenceStart ..< count)
    }

    /// Whether token `k` (≥ 1) is a word or number after one space that no
    /// rule can act on, the common case: no line break, no decision of a
    /// terminal cluster or of ICU for the gap before it, and it cannot be the
    /// next list marker. For such a token ``endsSentence(before:)`` is false
    /// and ``visit(_:)`` only counts it.
    @inline(__always)
    private func isPlainWord(_ k: Int) -> Bool {
        let kind = view.kind(k)
        guard kind == .word || kind == .number, k != decidedGap, candidates.isEmpty else { return false }
        let gap = view.end(k - 1)
        guard view.start(k) == gap + 1, view.text[gap] == 0x20 else { return false }
        return lastMarker == nil || !mayStartNumberedMarker(k)
    }

    /// Whether a sentence ends in the gap before token `k`.
    private mutating func endsSentence(before k: Int) -> Bool {
        let lineBreaks = view.lineBreaks(before: k)
        if lineBreaks >= 2 { return true }
        if lineBreaks == 1 {
            if newlines == .line { return true }
            if newlines == .auto {
                // A cluster's decision stands, except against a new paragraph or list item.
                if decidedGap != k ? lineBreakEndsSentence(before: k) : startsParagraphOrItem(k) { return true }
            }
        }
        if decidedGap == k { return decidedBreak }
        if !candidates.isEmpty, isForeignTerminatorBoundary(before: k) { return true }
        // Only a bullet (they all start with E2) or, after a list marker, another marker can start an item.
        guard view.first(k) == 0xE2 || lastMarker != nil && mayStartNumberedMarker(k) else { return false }
        return continuesList(at: k)
    }

    /// Starts a sentence at token `k`: resets per-sentence state and reads a list marker there.
    private mutating func beginSentence(at k: Int) {
        sentenceStart = k
        wordsInSentence = 0
        openBrackets = 0
        if let marker = listMarker(at: k) {
            lastMarker = marker
            handledUntil = max(handledUntil, marker.end)
        }
    }

    /// Updates counters for token `k` and decides the cluster starting at it.
    private mutating func visit(_ k: Int) {
        switch view.kind(k) {
        case .word, .number: wordsInSentence += 1
        default:
            trackBrackets(k)
            noteEmbeddedQuotation(at: k)
        }
        guard k >= handledUntil else { return }
        guard view.isTerminator(k) else {
            if mayStartEmoticon(k), let decision = decideEmoticon(at: k) { record(decision) }
            if wordsInSentence <= 3, view.isByte(k, 0x2C), endsSignOff(comma: k) { record(.breakAt(k + 1)) }
            return
        }
        var decision = decideCluster(at: k)
        if isInsideEmbeddedQuotation(k, clusterEnd: decision.end) { decision = .goOn(decision.end) }
        record(decision)
    }

    /// Remembers a cluster's decision for the gap it concerns.
    private mutating func record(_ decision: ClusterDecision) {
        handledUntil = decision.end
        if let gap = decision.breakBefore {
            decidedGap = gap
            decidedBreak = true
        } else {
            decidedGap = decision.end
            decidedBreak = false
        }
    }

    /// Counts `(` and `[` that are not part of an emoticon, and their closings.
    private mutating func trackBrackets(_ k: Int) {
        let byte = view.first(k)
        guard view.length(k) == 1 else { return }
        let afterEyes = k > 0 && view.isAttached(k) && (view.isByte(k - 1, 0x3A) || view.isByte(k - 1, 0x3B))
        if byte == 0x28 || byte == 0x5B, !afterEyes {
            openBrackets += 1
            lastOpenBracket = k
        } else if byte == 0x29 || byte == 0x5D, openBrackets > 0, !afterEyes {
            openBrackets -= 1
        }
    }

    /// Whether an ICU candidate falls in the gap before `k` right after a
    /// terminator of another script (one ``TokenView/punctuation(_:)`` does not classify).
    private mutating func isForeignTerminatorBoundary(before k: Int) -> Bool {
        let gapEnd = Int32(view.start(k))
        var found = false
        while candidateIndex < candidates.count, candidates[candidateIndex] <= gapEnd {
            if candidates[candidateIndex] >= Int32(view.end(k - 1)) { found = true }
            candidateIndex += 1
        }
        guard found else { return false }
        var last = k - 1
        while last > sentenceStart, view.punctuation(last) == .closer { last -= 1 }
        return view.kind(last) == .punctuation && view.first(last) >= 0x80 && view.punctuation(last) == .none
    }
}
