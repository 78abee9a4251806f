import TextPipeline

/// How candidates are cut out of blocks.
enum CandidateShape: Sendable {
    /// Every n-gram of 1 to `maxWords` words that starts and ends with a
    /// content word and holds no number (YAKE, TF-IDF, TextRank).
    case ngrams
    /// Maximal runs of content words of at most `maxWords` words (RAKE).
    case runs
}

/// Fills a ``CandidateTable`` from a ``TermAnalysis`` and the entity layer.
struct CandidateCollector {
    var table = CandidateTable()
    /// Per word: 1 when inside an entity treated whole or excluded, else 0.
    private let blocked = Column<Bool>()
    /// The words ``blocked`` holds, each once, in the order they were blocked.
    private let blockedWords = Column<Int32>()
    /// Per word: the entity that starts there (index), or -1; filled only when candidates are
    /// checked against entities (used but not kept whole), empty otherwise.
    private let entityStarting = Column<Int32>()
    private let entityEnd = Column<Int32>()
    /// The word ranges of the entities to add whole, in entity order.
    private let wholeStart = Column<Int32>()
    private let wholeEnd = Column<Int32>()
    /// Per term: it is a word of an entity of two words or more kept whole ("jong" in "Kim Jong Un"),
    /// so outside entities it is no candidate alone. Filled only when entities are kept whole and
    /// ``EntityPolicy/nameParts`` is off.
    private let partOfName = Column<Bool>()
    /// The byte ranges of the article's table rows (``TableLines``), as start/end pairs.
    private let tableRows = Column<Int32>()

    /// Whether some candidate may hold two adjacent stop words, known from ``prepare(_:document:shape:maxWords:entities:)``
    /// on (YAKE then counts the co-occurrences of stop words); copied into the table.
    private(set) var mayHoldAdjacentStopWords = false
    /// N-gram occurrences the last ``collect(_:shape:maxWords:bound:)`` skipped by its bound:
    /// when positive, the table lacks candidates that cannot be among the best.
    private(set) var skipped = 0
    /// Whether the last ``collect(_:shape:maxWords:bound:)`` applied its bound.
    private(set) var usedBound = false

    /// Collects the candidates of the analysed document: ``prepare(_:document:shape:maxWords:entities:)``
    /// then ``collect(_:shape:maxWords:bound:)`` without a bound.
    mutating func collect(_ analysis: TermAnalysis, document: Document, shape: CandidateShape, maxWords: Int, entities policy: EntityPolicy) {
        prepare(analysis, document: document, shape: shape, maxWords: maxWords, entities: policy)
        collect(analysis, shape: shape, maxWords: maxWords, bound: nil)
    }

    /// Maps the document's entities and table rows to words and sets ``mayHoldAdjacentStopWords``,
    /// before any ``collect(_:shape:maxWords:bound:)`` of the same document.
    mutating func prepare(_ analysis: TermAnalysis, document: Document, shape: CandidateShape, maxWords: Int, entities policy: EntityPolicy) {
        markEntities(analysis, document: document, policy: policy)
        markTableRows(analysis, document: document)
        // An n-gram starts and ends with a content word: only one of four words or more can hold two stop words side by side.
        mayHoldAdjacentStopWords = shape == .ngrams && maxWords >= 4 || wholeEntitiesHoldAdjacentStopWords(analysis)
    }

    /// Fills ``table`` with the candidates of the prepared document. With a `bound` that prunes
    /// (and n-grams of at most ``CandidateBound/maxWords`` words), skips the n-grams whose
    /// bound stays below its threshold and counts them in ``skipped``.
    mutating func collect(_ analysis: TermAnalysis, shape: CandidateShape, maxWords: Int, bound: CandidateBound?) {
        table.reset(terms: analysis.termTotal)
        table.mayHoldAdjacentStopWords = mayHoldAdjacentStopWords
        skipped = 0
        let prunes = bound.map { $0.prunes && shape == .ngrams && maxWords <= CandidateBound.maxWords } ?? false
        usedBound = prunes
        // Read once: the bound's columns, not retained per block.
        let pruning = prunes ? bound.map { Pruning(factors: $0.termFactor.base, lengthFactor: $0.lengthFactor.base, threshold: $0.threshold) } : nil
        analysis.wordTerm.withUnsafeBufferPointer { terms in
            let flags = UnsafeBufferPointer(start: analysis.wordFlags.base, count: analysis.wordFlags.count)
            for block in 0 ..< analysis.blockStarts.count {
                let range = Int(analysis.blockStarts[block]) ..< Int(analysis.blockEnds[block])
                switch shape {
                case .ngrams:
                    if let pruning {
                        collectNgrams(range, flags: flags, terms: terms, maxWords: maxWords, pruning: pruning, stats: analysis.terms.base)
                    } else {
                        collectNgrams(range, flags: flags, terms: terms, maxWords: maxWords)
                    }
                case .runs: collectRuns(range, flags: flags, terms: terms, maxWords: maxWords)
                }
            }
            addWholeEntities(terms: terms)
        }
    }

    /// Per term, how many times ``collect(_:shape:maxWords:bound:)`` with shape ``CandidateShape/ngrams``
    /// adds it as a one-word candidate: each occurrence of a content term but the blocked ones,
    /// plus each one-word entity kept whole. Needs ``prepare(_:document:shape:maxWords:entities:)`` first.
    /// - Returns: false, leaving `counts` unset, when some word lies in no block (then the count
    ///   of a term is not its occurrences less the blocked ones).
    func countUnigrams(_ analysis: TermAnalysis, into counts: Column<Int32>) -> Bool {
        var blockWords = 0
        for block in 0 ..< analysis.blockStarts.count { blockWords += Int(analysis.blockEnds[block] - analysis.blockStarts[block]) }
        guard blockWords == analysis.wordCount else { return false }
        counts.removeAll()
        counts.reserveCapacity(analysis.termTotal)
        counts.append(repeating: 0, count: analysis.termTotal)
        let (terms, stats, counted) = (analysis.wordTerm.base, analysis.terms.base, counts.base)
        for term in 0 ..< analysis.termTotal {
            // Without branches (stop words and numbers follow no pattern): the count, or 0 under a zero mask.
            let skipped = Int32(stats[term].isStop ? 1 : 0) | Int32(stats[term].isNumeric ? 1 : 0)
            counted[term] = stats[term].count & (skipped &- 1)
        }
        if partOfName.count > 0 {
            for term in 0 ..< analysis.termTotal where partOfName[term] { counted[term] = 0 }
        }
        for index in 0 ..< blockedWords.count {
            let term = Int(terms[Int(blockedWords[index])])
            if counted[term] > 0 { counted[term] &-= 1 }
        }
        for entity in 0 ..< wholeStart.count where wholeEnd[entity] - wholeStart[entity] == 1 {
            counted[Int(terms[Int(wholeStart[entity])])] &+= 1
        }
        return true
    }

    /// Maps each entity to its words once: blocks the words of entities kept whole
    /// or excluded, records the ranges to add whole, and the others for ``isEntity(_:_:)``.
    private mutating func markEntities(_ analysis: TermAnalysis, document: Document, policy: EntityPolicy) {
        blocked.removeAll(keepingCapacity: true)
        blockedWords.removeAll()
        entityStarting.removeAll(keepingCapacity: true)
        entityEnd.removeAll(keepingCapacity: true)
        wholeStart.removeAll()
        wholeEnd.removeAll()
        partOfName.removeAll(keepingCapacity: true)
        let words = analysis.wordCount
        blocked.append(repeating: false, count: words)
        if policy.usesEntities && !policy.wholeEntities { entityStarting.append(repeating: -1, count: words) }
        guard policy.usesEntities else { return }
        let dropsNameParts = policy.wholeEntities && !policy.nameParts
        if dropsNameParts { partOfName.append(repeating: false, count: analysis.termTotal) }
        // Reading a label costs a string copy: only when some label is excluded.
        let excludes = !policy.excludedLabels.isEmpty
        for entity in 0 ..< document.entities.count {
            guard let range = analysis.words(ofTokens: document.entities.tokenRange(entity)) else { continue }
            let excluded = excludes && policy.excludedLabels.contains(document.entities.labels[entity])
            if policy.wholeEntities || excluded {
                for word in range { block(word) }
                if policy.wholeEntities, !excluded, range.count <= EntityPolicy.maxEntityWords {
                    wholeStart.append(Int32(range.lowerBound))
                    wholeEnd.append(Int32(range.upperBound))
                }
                if dropsNameParts, !excluded, range.count >= 2 {
                    for word in range { partOfName[Int(analysis.wordTerm[word])] = true }
                }
            } else {
                entityStarting[range.lowerBound] = Int32(entityEnd.count)
                entityEnd.append(Int32(range.upperBound))
            }
        }
    }

    /// Sets ``blocked`` for `word`, listing it in ``blockedWords`` the first time.
    @inline(__always)
    private func block(_ word: Int) {
        guard !blocked[word] else { return }
        blocked[word] = true
        blockedWords.append(Int32(truncatingIfNeeded: word))
    }

    /// Blocks the words of table rows (``TableLines``): their headings ("Sales", "Net
    /// loss") are no keywords. Words and rows are both in text order, so one merge pass.
    private mutating func markTableRows(_ analysis: TermAnalysis, document: Document) {
        tableRows.removeAll(keepingCapacity: true)
        document.utf8.withUnsafeBufferPointer { TableLines.find(in: $0, into: tableRows) }
        guard tableRows.count > 0 else { return }
        let starts = document.tokens.starts
        var row = 0
        for word in 0 ..< analysis.wordCount {
            let start = starts[Int(analysis.words[word].firstToken)]
            while row < tableRows.count, tableRows[row + 1] <= start { row += 2 }
            guard row < tableRows.count else { return }
            if tableRows[row] <= start { block(word) }
        }
    }

    /// Whether words `start ...` `end` are exactly an entity (recorded when entities are not whole).
    @inline(__always)
    private func isEntity(_ start: Int, _ end: Int) -> Bool {
        guard entityStarting.count > 0 else { return false }
        let index = Int(entityStarting[start])
        return index >= 0 && Int(entityEnd[index]) == end &+ 1
    }

    private mutating func collectNgrams(_ range: Range<Int>, flags: UnsafeBufferPointer<UInt8>, terms: UnsafeBufferPointer<Int32>, maxWords: Int) {
        var barrier = range.lowerBound - 1  // last numeric or blocked word
        for end in range {
            if flags[end] & TermAnalysis.numericFlag != 0 || blocked[end] {
                barrier = end
                continue
            }
            if flags[end] & TermAnalysis.stopFlag != 0 { continue }
            let lowest = max(barrier &+ 1, end &- maxWords &+ 1)
            var start = end
            // The hash of words `start ... end`, extended leftwards with `start` (``CandidateTable/hash(_:_:_:)``).
            var hash = CandidateTable.hashSeed
            while start >= lowest {
                hash = CandidateTable.hashStep(hash, terms[start])
                if flags[start] & TermAnalysis.stopFlag == 0, start < end || !isPartOfName(terms[start]) {
                    table.add(start: start, count: end &- start &+ 1, hash: hash, terms: terms, entity: isEntity(start, end))
                }
                start &-= 1
            }
        }
    }

    /// What ``collectNgrams(_:flags:terms:maxWords:pruning:stats:)`` reads of a ``CandidateBound``.
    private struct Pruning {
        let factors: UnsafeMutablePointer<Double>
        let lengthFactor: UnsafeMutablePointer<Double>
        let threshold: Double
    }

    /// ``collectNgrams(_:flags:terms:maxWords:)`` that skips the n-grams the bound rules out:
    /// the bound of words `start ... end` is the product of their ``CandidateBound/termFactor``,
    /// times the smallest count of their terms, times the boosts of their length. An n-gram is
    /// hashed only when it is kept.
    private mutating func collectNgrams(
        _ range: Range<Int>, flags: UnsafeBufferPointer<UInt8>, terms: UnsafeBufferPointer<Int32>, maxWords: Int,
        pruning: Pruning, stats: UnsafeMutablePointer<TermStats>
    ) {
        let (factors, lengthFactor, threshold) = (pruning.factors, pruning.lengthFactor, pruning.threshold)
        // Read once: the loop's writes go to the table, never to these.
        let (blocked, dropsNameParts) = (self.blocked.base, partOfName.count > 0)
        var barrier = range.lowerBound - 1  // last numeric or blocked word
        for end in range {
            if flags[end] & TermAnalysis.numericFlag != 0 || blocked[end] {
                barrier = end
                continue
            }
            if flags[end] & TermAnalysis.stopFlag != 0 { continue }
            let term = terms[end]
            if !dropsNameParts || !isPartOfName(term) {
                table.add(start: end, count: 1, hash: 0, terms: terms, entity: isEntity(end, end))
            }
            let lowest = max(barrier &+ 1, end &- maxWords &+ 1)
            var product = factors[Int(term)]
            var fewest = stats[Int(term)].count
            var start = end &- 1
            while start >= lowest {
                let other = terms[start]
                product *= factors[Int(other)]
                fewest = min(fewest, stats[Int(other)].count)
                if flags[start] & TermAnalysis.stopFlag == 0 {
                    let count = end &- start &+ 1
                    if product * Double(fewest) * lengthFactor[count] < threshold {
                        skipped &+= 1
                    } else {
                        let hash = CandidateTable.hash(terms, start, count)
                        table.add(start: start, count: count, hash: hash, terms: terms, entity: isEntity(start, end))
                    }
                }
                start &-= 1
            }
        }
    }

    private mutating func collectRuns(_ range: Range<Int>, flags: UnsafeBufferPointer<UInt8>, terms: UnsafeBufferPointer<Int32>, maxWords: Int) {
        var runStart = range.lowerBound
        for word in range.lowerBound ... range.upperBound {
            let ends = word == range.upperBound || blocked[word] || flags[word] != 0
            guard ends else { continue }
            let count = word - runStart
            if count > 0, count <= maxWords, count > 1 || !isPartOfName(terms[runStart]) {
                table.add(start: runStart, count: count, terms: terms, entity: isEntity(runStart, word - 1))
            }
            runStart = word + 1
        }
    }

    /// Whether `term` is a word of a longer entity kept whole (``partOfName``).
    @inline(__always)
    private func isPartOfName(_ term: Int32) -> Bool { partOfName.count > 0 && partOfName[Int(term)] }

    /// Adds the entities kept whole. A one-word entity is a name in its own right even when it is
    /// part of a longer one ("Obama" after "Barack Obama"), so it stays.
    private mutating func addWholeEntities(terms: UnsafeBufferPointer<Int32>) {
        for entity in 0 ..< wholeStart.count {
            let (start, end) = (Int(wholeStart[entity]), Int(wholeEnd[entity]))
            table.add(start: start, count: end - start, terms: terms, entity: true)
        }
    }

    /// Whether an entity kept whole holds two stop words side by side.
    private func wholeEntitiesHoldAdjacentStopWords(_ analysis: TermAnalysis) -> Bool {
        let flags = analysis.wordFlags.base
        for entity in 0 ..< wholeStart.count {
            for word in Int(wholeStart[entity]) + 1 ..< Int(wholeEnd[entity]) where flags[word - 1] & flags[word] & TermAnalysis.stopFlag != 0 {
                return true
            }
        }
        return false
    }
}
