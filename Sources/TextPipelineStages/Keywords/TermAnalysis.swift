import TextPipeline

/// One occurrence of a word.
struct WordInfo {
    var firstToken: Int32
    var endToken: Int32
    /// Byte offset where the word's surface ends (before a dropped possessive).
    var surfaceEnd: Int32
    var sentence: Int32
}

/// What one document says about one term (a folded word form).
struct TermStats {
    var count: Int32 = 0
    var acronyms: Int32 = 0
    var capitalised: Int32 = 0
    /// Sentences it occurs in.
    var sentences: Int32 = 0
    var lastSentence: Int32 = -1
    var isStop: Bool
    /// Numbers and unusual forms: never start, end or join a candidate.
    var isNumeric: Bool
    var inTitle = false
}

/// One pass over a document's sentences that turns tokens into *words*,
/// interns their folded forms as terms and gathers per-term statistics.
///
/// A word is a word-like or number token, or several glued together: a
/// hyphen with no space on either side joins its neighbours (`long-awaited`),
/// and a period right after a word with an inner period stays with it
/// (`U.S.`). Any other punctuation or symbol ends a *block*; candidates never
/// cross a block or a sentence. A line break followed by a capital letter
/// starts a new sentence, as Python YAKE's pre-filter does (a headline above
/// its article). Everything lives in reusable columns: after the first
/// documents, a pass allocates nothing.
struct TermAnalysis {
    var table = TermTable()
    /// Scratch for folded title words: readable 8 bytes past any form (``TermTable`` compares in chunks).
    /// The text's words are folded straight into ``TermTable/scratch(reserving:)``.
    let folded = FoldBuffer()

    /// The term of each word, in text order.
    let wordTerm = Column<Int32>()
    let words = Column<WordInfo>()
    /// Per word: ``stopFlag`` and ``numericFlag`` of its term, for sequential scans.
    let wordFlags = Column<UInt8>()
    static let stopFlag: UInt8 = 1
    static let numericFlag: UInt8 = 2
    /// Blocks: half-open word ranges inside one sentence without breaking punctuation.
    let blockStarts = Column<Int32>()
    let blockEnds = Column<Int32>()
    /// Per term id.
    let terms = Column<TermStats>()
    /// The terms other than stop words, in id order: per-term passes that skip stop words walk
    /// this list instead of testing ``TermStats/isStop`` term by term (a branch that follows no pattern).
    let contentTerms = Column<Int32>()
    /// (term, sentence) each time a term other than a stop word first appears in a
    /// sentence, in text order. Stop words are left out: no stage reads where they occur.
    let termSentencePairs = Column<Int64>()
    /// The number of sentences analysed (the sentence layer's, plus line starts).
    private(set) var sentences = 0
    /// The number of terms marked ``TermStats/inTitle``.
    private(set) var titleTerms = 0

    var wordCount: Int { wordTerm.count }
    var termTotal: Int { terms.count }

    /// Analyses `document`'s tokens and sentences.
    /// - Parameters:
    ///   - stopWords: forms that are stop words.
    ///   - minLength: forms with fewer characters are stop words too (YAKE uses 3).
    mutating func analyse(_ document: Document, stopWords: StopWordList, minLength: Int) {
        reset(tokens: document.tokens.count)
        let tokens = document.tokens
        document.utf8.withUnsafeBufferPointer { text in
            tokens.starts.withUnsafeBufferPointer { starts in
                tokens.ends.withUnsafeBufferPointer { ends in
                    tokens.kinds.withUnsafeBufferPointer { kinds in
                        var scanner = Scanner(text: text, starts: starts, ends: ends, kinds: kinds, stopWords: stopWords, minLength: minLength)
                        for sentence in 0 ..< document.sentences.count {
                            scanner.scan(document.sentences.tokenRange(sentence), into: &self)
                        }
                    }
                }
            }
        }
    }

    private mutating func reset(tokens: Int) {
        table.reset()
        wordTerm.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        wordFlags.removeAll()
        blockStarts.removeAll(keepingCapacity: true)
        blockEnds.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        contentTerms.removeAll()
        termSentencePairs.removeAll(keepingCapacity: true)
        // A word holds at least one token, a term or a (term, sentence) pair at least
        // one word: ``addWord`` appends without growth checks.
        wordTerm.reserveCapacity(tokens)
        words.reserveCapacity(tokens)
        wordFlags.reserveCapacity(tokens)
        terms.reserveCapacity(tokens)
        contentTerms.reserveCapacity(tokens)
        termSentencePairs.reserveCapacity(tokens)
        sentences = 0
        titleTerms = 0
    }

    /// Marks `term` as occurring in the title; counts it in ``titleTerms`` the first time.
    mutating func markInTitle(_ term: Int32) {
        guard !terms[Int(term)].inTitle else { return }
        terms[Int(term)].inTitle = true
        titleTerms += 1
    }

    mutating func startSentence() -> Int32 {
        sentences += 1
        return Int32(sentences - 1)
    }

    mutating func closeBlock(from start: Int) {
        guard wordTerm.count > start else { return }
        blockStarts.append(Int32(truncatingIfNeeded: start))
        blockEnds.append(Int32(truncatingIfNeeded: wordTerm.count))
    }

    /// Records the word made of tokens `tokenRange` (bytes `bytes`, starting at byte `start`).
    /// `chunked`: `bytes` may be read in whole 8-byte chunks (see ``TermFolding``).
    @inline(__always)
    mutating func addWord(
        _ tokenRange: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, start: Int, sentence: Int32, position: Int,
        chunked: Bool, stopWords: StopWordList, minLength: Int
    ) {
        let buffer = table.scratch(reserving: bytes.count)
        var letters = TermFolding.Letters()
        let (hash, length, surfaceCount) =
            chunked
            ? TermFolding.fold(readingChunks: bytes, into: buffer, letters: &letters)
            : TermFolding.fold(bytes, into: buffer, letters: &letters)
        let (id, isNew) = table.intern(length: length, hash: hash)
        if isNew {
            // A form of letters only (most of them) is no number and has a character per byte.
            let form =
                letters.allLetters
                ? (characters: length, isNumericOrUnusual: false)
                : FormClass.classify(readingChunks: UnsafeBufferPointer(start: buffer, count: length))
            let isStop = form.characters < minLength || stopWords.contains(hash: hash)
            terms.appendReserved(TermStats(isStop: isStop, isNumeric: form.isNumericOrUnusual))
            contentTerms.appendReserved(id, keeping: !isStop)
        }
        let shape = WordShape.of(letters, count: bytes.count, position: position)
        // In place: `id` is a valid index of `terms`.
        let stats = terms.base + Int(id)
        // Counted without branches: shapes and first occurrences in a sentence follow no pattern.
        stats.pointee.count &+= 1
        stats.pointee.acronyms &+= shape == .acronym ? 1 : 0
        stats.pointee.capitalised &+= shape == .capitalised ? 1 : 0
        let firstInSentence = stats.pointee.lastSentence != sentence
        stats.pointee.lastSentence = sentence
        stats.pointee.sentences &+= firstInSentence ? 1 : 0
        termSentencePairs.appendReserved(Int64(id) << 32 | Int64(sentence), keeping: firstInSentence && !stats.pointee.isStop)
        wordTerm.appendReserved(id)
        wordFlags.appendReserved((stats.pointee.isStop ? Self.stopFlag : 0) | (stats.pointee.isNumeric ? Self.numericFlag : 0))
        words.appendReserved(
            WordInfo(
                firstToken: Int32(truncatingIfNeeded: tokenRange.lowerBound), endToken: Int32(truncatingIfNeeded: tokenRange.upperBound),
                surfaceEnd: Int32(truncatingIfNeeded: start &+ surfaceCount), sentence: sentence))
    }
}
