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
///
/// The surfaces and forms met are kept from one document to the next (a
/// worker's vocabulary, see ``SurfaceTable``), so a word is hashed and looked up
/// once, and folded and classified only the first time its surface is met. The
/// vocabulary is dropped, between documents, when it outgrows
/// ``vocabularyLimit`` or ``vocabularyByteLimit`` or the stop words change; term
/// ids and statistics never depend on it.
struct TermAnalysis {
    /// The forms met, and the terms of the current document.
    var table = TermTable()
    var surfaces = SurfaceTable()
    /// The settings the vocabulary's flags were worked out with.
    private var vocabularyStopWords: StopWordList?
    private var vocabularyMinLength = 0
    /// The most surfaces, or forms, kept between documents (about 25 MB of text's worth of news).
    var vocabularyLimit = 1 << 17
    /// The most bytes of surfaces and forms kept between documents.
    var vocabularyByteLimit = 1 << 22
    /// Scratch for folded title words, and for words too near the end of the text to read
    /// in whole chunks: readable 8 bytes past any form (``TermTable`` compares in chunks).
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
    /// - Complexity: O(tokens), plus O(vocabulary) when the vocabulary is dropped.
    mutating func analyse(_ document: Document, stopWords: StopWordList, minLength: Int) {
        keepVocabulary(stopWords: stopWords, minLength: minLength)
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

    /// Drops the vocabulary when it is too large or was built for other settings.
    private mutating func keepVocabulary(stopWords: StopWordList, minLength: Int) {
        let sameSettings = vocabularyStopWords?.isSameList(as: stopWords) == true && vocabularyMinLength == minLength
        let tooLarge =
            surfaces.count > vocabularyLimit || table.formCount > vocabularyLimit
            || surfaces.tailBytes &+ table.formBytes > vocabularyByteLimit
        guard !sameSettings || tooLarge else { return }
        surfaces.removeAll()
        table.removeAll()
        vocabularyStopWords = stopWords
        vocabularyMinLength = minLength
    }

    private mutating func reset(tokens: Int) {
        table.startDocument(reserving: tokens)
        wordTerm.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        wordFlags.removeAll()
        blockStarts.removeAll(keepingCapacity: true)
        blockEnds.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        termSentencePairs.removeAll(keepingCapacity: true)
        // A word holds at least one token, a term or a (term, sentence) pair at least
        // one word: ``addWord`` appends without growth checks.
        wordTerm.reserveCapacity(tokens)
        words.reserveCapacity(tokens)
        wordFlags.reserveCapacity(tokens)
        terms.reserveCapacity(tokens)
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
        let count = bytes.count
        let source = chunked ? UnsafeRawPointer(bytes.baseAddress!) : padded(bytes)
        let (hash, head) = SurfaceTable.hash(source, count: count)
        var index = surfaces.find(source, count: count, hash: hash, head: head)
        if index < 0 { index = addSurface(source, count: count, hash: hash, head: head, stopWords: stopWords, minLength: minLength) }
        let surface = surfaces.entries[index]
        let (id, isNew) = table.term(ofForm: surface.form)
        if isNew {
            terms.appendReserved(TermStats(isStop: surface.flags & Self.stopFlag != 0, isNumeric: surface.flags & Self.numericFlag != 0))
        }
        let (acronym, capitalised) = surface.shapes.counts(isLater: position > 0)
        // In place: `id` is a valid index of `terms`.
        let stats = terms.base + Int(id)
        // Counted without branches: shapes and first occurrences in a sentence follow no pattern.
        stats.pointee.count &+= 1
        stats.pointee.acronyms &+= acronym
        stats.pointee.capitalised &+= capitalised
        let firstInSentence = stats.pointee.lastSentence != sentence
        stats.pointee.lastSentence = sentence
        stats.pointee.sentences &+= firstInSentence ? 1 : 0
        termSentencePairs.appendReserved(Int64(id) << 32 | Int64(sentence), keeping: firstInSentence && !stats.pointee.isStop)
        wordTerm.appendReserved(id)
        wordFlags.appendReserved(surface.flags)
        words.appendReserved(
            WordInfo(
                firstToken: Int32(truncatingIfNeeded: tokenRange.lowerBound), endToken: Int32(truncatingIfNeeded: tokenRange.upperBound),
                surfaceEnd: Int32(truncatingIfNeeded: start &+ count &- Int(surface.dropped)), sentence: sentence))
    }

    /// `bytes` copied into ``folded``, to be read in whole chunks.
    private func padded(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeRawPointer {
        let copy = folded.reserve(bytes.count)
        copy.update(from: bytes.baseAddress!, count: bytes.count)
        return UnsafeRawPointer(copy)
    }

    /// Adds the surface of `count` bytes at `source` (readable in whole chunks; `hash` and
    /// `head` from ``SurfaceTable/hash(_:count:)``): folds it, interns its form, works out its
    /// flags and shapes. Returns its index in ``surfaces``.
    @inline(never)
    private mutating func addSurface(
        _ source: UnsafeRawPointer, count: Int, hash: UInt64, head: UInt64, stopWords: StopWordList, minLength: Int
    ) -> Int {
        let buffer = table.scratch(reserving: count)
        var letters = TermFolding.Letters()
        let word = UnsafeBufferPointer(start: source.assumingMemoryBound(to: UInt8.self), count: count)
        let (termHash, length, surfaceCount) = TermFolding.fold(readingChunks: word, into: buffer, letters: &letters)
        let form = FormClass.classify(readingChunks: UnsafeBufferPointer(start: buffer, count: length))
        let isStop = form.characters < minLength || stopWords.contains(hash: termHash)
        let entry = SurfaceTable.Entry(
            head: 0, tail: 0, length: 0, form: table.intern(length: length, hash: termHash),
            flags: (isStop ? Self.stopFlag : 0) | (form.isNumericOrUnusual ? Self.numericFlag : 0),
            shapes: WordShapes(letters, count: count), dropped: UInt8(truncatingIfNeeded: count &- surfaceCount))
        return surfaces.insert(source, count: count, hash: hash, head: head, entry: entry)
    }
}
