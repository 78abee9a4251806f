import TextPipeline

/// One pass over a document's sentences that turns tokens into *words*,
/// interns their folded forms as terms and gathers per-term statistics.
///
/// A word is a word-like or number token, or several glued together: a
/// hyphen with no space on either side joins its neighbours (`long-awaited`),
/// and a period right after a word with an inner period stays with it
/// (`U.S.`). Any other punctuation or symbol ends a *block*; candidates never
/// cross a block or a sentence. Everything lives in reusable columns: after
/// the first documents, a pass allocates nothing.
struct TermAnalysis {
    var table = TermTable()
    private var folded: [UInt8] = []

    // Words, in text order.
    private(set) var wordTerm: [Int32] = []
    private(set) var wordFirstToken: [Int32] = []
    private(set) var wordEndToken: [Int32] = []
    /// Byte offset where the word's surface ends (before a dropped possessive).
    private(set) var wordSurfaceEnd: [Int32] = []
    private(set) var wordShape: [WordShape] = []
    private(set) var wordSentence: [Int32] = []
    /// Word index of each token, or -1 for tokens that are not part of a word.
    private(set) var tokenWord: [Int32] = []

    /// Blocks: half-open word ranges inside one sentence without breaking punctuation.
    private(set) var blockStarts: [Int32] = []
    private(set) var blockEnds: [Int32] = []

    // Terms, by id.
    private(set) var termCount: [Int32] = []
    private(set) var acronymCount: [Int32] = []
    private(set) var capitalisedCount: [Int32] = []
    private(set) var isStop: [Bool] = []
    /// Numbers and unusual forms: never start, end or join a candidate.
    private(set) var isNumeric: [Bool] = []
    private(set) var sentenceCount: [Int32] = []
    private var lastSentence: [Int32] = []
    /// (term, sentence) each time a term first appears in a sentence, in text order.
    private(set) var termSentencePairs: [Int64] = []
    /// Terms that also appear in the title.
    private(set) var inTitle: [Bool] = []

    mutating func setInTitle(count: Int) {
        inTitle.removeAll(keepingCapacity: true)
        inTitle.append(contentsOf: repeatElement(false, count: count))
    }

    mutating func markInTitle(_ term: Int32) { inTitle[Int(term)] = true }

    /// The number of sentences analysed: the sentence layer's, plus one for each
    /// line that starts with a capital letter inside a sentence.
    private(set) var sentences = 0

    var wordCount: Int { wordTerm.count }
    var termTotal: Int { termCount.count }

    /// Analyses `document`'s tokens and sentences.
    /// - Parameters:
    ///   - stopWords: forms that are stop words.
    ///   - minLength: forms with fewer characters are stop words too (YAKE uses 3).
    mutating func analyse(_ document: Document, stopWords: StopWordList, minLength: Int) {
        reset()
        let tokens = document.tokens
        tokenWord.removeAll(keepingCapacity: true)
        tokenWord.append(contentsOf: repeatElement(-1, count: tokens.count))
        document.utf8.withUnsafeBufferPointer { text in
            tokens.starts.withUnsafeBufferPointer { starts in
                tokens.ends.withUnsafeBufferPointer { ends in
                    for sentence in 0 ..< document.sentences.count {
                        let range = document.sentences.tokenRange(sentence)
                        scanSentence(range, text: text, starts: starts, ends: ends,
                                     kinds: tokens.kinds, stopWords: stopWords, minLength: minLength)
                    }
                }
            }
        }
    }

    private mutating func reset() {
        table.reset()
        for column in [\TermAnalysis.wordTerm, \.wordFirstToken, \.wordEndToken, \.wordSurfaceEnd, \.wordSentence,
                       \.blockStarts, \.blockEnds, \.termCount, \.acronymCount, \.capitalisedCount, \.sentenceCount, \.lastSentence] {
            self[keyPath: column].removeAll(keepingCapacity: true)
        }
        wordShape.removeAll(keepingCapacity: true)
        isStop.removeAll(keepingCapacity: true)
        isNumeric.removeAll(keepingCapacity: true)
        inTitle.removeAll(keepingCapacity: true)
        termSentencePairs.removeAll(keepingCapacity: true)
        sentences = 0
    }

    @inline(__always)
    private static func isWordKind(_ kind: TokenKind) -> Bool {
        kind == .word || kind == .number || kind == .ideographic || kind == .kana
    }

    /// Whether the punctuation token at `index` glues the words on either side (a hyphen with no spaces).
    @inline(__always)
    private static func isGlue(_ index: Int, end: Int, text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
                               ends: UnsafeBufferPointer<Int32>, kinds: [TokenKind]) -> Bool {
        guard index > 0, index + 1 < end, starts[index] == ends[index - 1], starts[index + 1] == ends[index],
              isWordKind(kinds[index + 1]) else { return false }
        let start = Int(starts[index])
        let length = Int(ends[index]) - start
        return (length == 1 && text[start] == 0x2D) || (length == 3 && text[start] == 0xE2 && text[start + 1] == 0x80 && text[start + 2] == 0x90)
    }

    /// Whether a line break followed by a capital letter separates token `index` from the one before:
    /// Python YAKE's pre-filter starts a new sentence there (a headline above its article, list items).
    @inline(__always)
    private static func startsLine(_ index: Int, text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
                                   ends: UnsafeBufferPointer<Int32>) -> Bool {
        let start = Int(starts[index])
        guard text[start] &- 0x41 < 26 else { return false }
        var offset = Int(ends[index - 1])
        while offset < start {
            if text[offset] == 0x0A { return true }
            offset += 1
        }
        return false
    }

    private mutating func scanSentence(_ range: Range<Int>, text: UnsafeBufferPointer<UInt8>,
                                       starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>,
                                       kinds: [TokenKind], stopWords: StopWordList, minLength: Int) {
        var sentence = Int32(sentences)
        sentences += 1
        var blockStart = wordTerm.count
        var open = -1  // first token of the word being built
        var glued = false
        var position = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let kind = kinds[index]
            if index > range.lowerBound, Self.startsLine(index, text: text, starts: starts, ends: ends) {
                if open >= 0 { finishWord(open ..< index, sentence: sentence, position: &position, text: text, starts: starts, ends: ends, stopWords: stopWords, minLength: minLength) }
                open = -1
                glued = false
                closeBlock(from: blockStart)
                blockStart = wordTerm.count
                sentence = Int32(sentences)
                sentences += 1
                position = 0
            }
            if Self.isWordKind(kind) {
                if open >= 0, glued {
                    glued = false
                } else {
                    if open >= 0 { finishWord(open ..< index, sentence: sentence, position: &position, text: text, starts: starts, ends: ends, stopWords: stopWords, minLength: minLength) }
                    open = index
                }
            } else if open >= 0, Self.isGlue(index, end: range.upperBound, text: text, starts: starts, ends: ends, kinds: kinds) {
                glued = true
            } else if open >= 0, kind == .punctuation, starts[index] == ends[index - 1], text[Int(starts[index])] == 0x2E,
                      ends[index] - starts[index] == 1, text[Int(starts[open]) ..< Int(ends[index - 1])].contains(0x2E) {
                // "U.S" + "." stays one word and does not break the block.
                finishWord(open ..< index + 1, sentence: sentence, position: &position, text: text, starts: starts, ends: ends, stopWords: stopWords, minLength: minLength)
                open = -1
            } else {
                if open >= 0 { finishWord(open ..< index, sentence: sentence, position: &position, text: text, starts: starts, ends: ends, stopWords: stopWords, minLength: minLength) }
                open = -1
                closeBlock(from: blockStart)
                blockStart = wordTerm.count
            }
            index += 1
        }
        if open >= 0 { finishWord(open ..< range.upperBound, sentence: sentence, position: &position, text: text, starts: starts, ends: ends, stopWords: stopWords, minLength: minLength) }
        closeBlock(from: blockStart)
    }

    private mutating func closeBlock(from start: Int) {
        guard wordTerm.count > start else { return }
        blockStarts.append(Int32(start))
        blockEnds.append(Int32(wordTerm.count))
    }

    private mutating func finishWord(_ tokenRange: Range<Int>, sentence: Int32, position: inout Int, text: UnsafeBufferPointer<UInt8>,
                                     starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>,
                                     stopWords: StopWordList, minLength: Int) {
        let start = Int(starts[tokenRange.lowerBound])
        let end = Int(ends[tokenRange.upperBound - 1])
        let bytes = UnsafeBufferPointer(rebasing: text[start ..< end])
        let (hash, surfaceCount) = TermFolding.fold(bytes, into: &folded)
        let (id, isNew) = table.intern(folded, hash: hash)
        if isNew {
            termCount.append(0)
            acronymCount.append(0)
            capitalisedCount.append(0)
            sentenceCount.append(0)
            lastSentence.append(-1)
            isNumeric.append(FormClass.isNumericOrUnusual(folded))
            isStop.append(stopWords.contains(hash: hash) || FormClass.characterCount(folded) < minLength)
        }
        let term = Int(id)
        let shape = WordShape.of(bytes, position: position)
        termCount[term] += 1
        if shape == .acronym { acronymCount[term] += 1 } else if shape == .capitalised { capitalisedCount[term] += 1 }
        if lastSentence[term] != sentence {
            lastSentence[term] = sentence
            sentenceCount[term] += 1
            termSentencePairs.append(Int64(id) << 32 | Int64(sentence))
        }
        let word = Int32(wordTerm.count)
        for token in tokenRange { tokenWord[token] = word }
        wordTerm.append(id)
        wordFirstToken.append(Int32(tokenRange.lowerBound))
        wordEndToken.append(Int32(tokenRange.upperBound))
        wordSurfaceEnd.append(Int32(start + surfaceCount))
        wordShape.append(shape)
        wordSentence.append(sentence)
        position += 1
    }
}
