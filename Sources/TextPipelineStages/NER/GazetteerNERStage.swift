public import TextPipeline

/// `ner.gazetteer@1`: gazetteer matching over the token layer, then context
/// rules that turn lookups into named entities (see docs/gazetteer.md).
///
/// The stage holds the compiled gazetteers (shared, read-only, mapped once per
/// process) and the rules; each worker owns a `GazetteerMatcher` with its
/// scratch buffers. Per document: possessive endings are split off, every
/// match is found, overlaps are resolved, rules add and relabel entities, and
/// the entity layer is written (plus `spans.gazetteer` with overlap `all`).
public struct GazetteerNERStage: Stage {
    /// The compiled gazetteers, in the order the pipeline file lists them.
    public let gazetteers: [CompiledGazetteer]
    /// How tokens are compared and overlaps resolved.
    public let options: MatchOptions
    let rules: NERRules?

    init(gazetteers: [CompiledGazetteer], options: MatchOptions, rules: NERRules?) {
        self.gazetteers = gazetteers
        self.options = options
        self.rules = rules
    }

    /// Creates the stage in code from compiled gazetteers, without context rules unless `rules` is true.
    public init(gazetteers: [CompiledGazetteer], options: MatchOptions = MatchOptions(), rules: Bool = false) throws {
        self.init(gazetteers: gazetteers, options: options, rules: rules ? try NERRules.bundled() : nil)
    }

    public var provides: [LayerName] { options.overlap == .all ? [.entities, .spans("gazetteer")] : [.entities] }
    public var resourceChecksums: [String: String] {
        Dictionary(gazetteers.map { ($0.path.lastComponent, $0.checksumHex) }, uniquingKeysWith: { a, _ in a })
    }

    public func makeWorker() throws -> any StageWorker {
        Worker(matcher: GazetteerMatcher(gazetteers: gazetteers, options: options), rules: rules)
    }

    struct Worker: StageWorker {
        var matcher: GazetteerMatcher
        let rules: NERRules?
        /// Scratch buffers reused across documents.
        private var segments: [Range<Int>] = []
        private var found: [GazetteerMatch] = []
        private var chosen: [GazetteerMatch] = []
        private var ruleScratch = RuleTagger.Scratch()
        private var splitScratch = PossessiveSplit.Scratch()
        /// Per gazetteer: its canonical ids, which entities refer to in place.
        private let idStores: [CanonicalIDStore]
        /// Per gazetteer: the number of its store in the current document's entity layer (0: not yet registered).
        private var storeNumbers: [Int]

        init(matcher: GazetteerMatcher, rules: NERRules?) {
            self.matcher = matcher
            self.rules = rules
            idStores = matcher.gazetteers.map(\.canonicalIDStore)
            storeNumbers = Array(repeating: 0, count: idStores.count)
        }

        mutating func process(_ document: inout Document, context: StageContext) throws {
            PossessiveSplit.apply(to: &document, scratch: &splitScratch)
            try context.checkDeadline()
            segments.removeAll(keepingCapacity: true)
            if document.sentences.isEmpty {
                segments.append(0 ..< document.tokens.count)
            } else {
                // Read from the columns: SentenceLayer.tokenRange(_:) is a call into another module per sentence.
                let sentences = document.sentences
                segments.reserveCapacity(sentences.count)
                for (first, end) in zip(sentences.firstTokens, sentences.endTokens) { segments.append(Int(first) ..< Int(end)) }
            }
            matcher.findMatches(in: document, segments: segments, into: &found)
            try context.checkDeadline()
            for index in storeNumbers.indices { storeNumbers[index] = 0 }
            OverlapResolver.resolveEntities(found, policy: matcher.options.overlap, into: &chosen)
            let otherLanguage = rules != nil && rulesSkipped(for: &document)
            if let rules, !otherLanguage {
                RuleTagger.tag(
                    chosen, matches: found, rules: rules, document: document, segments: segments,
                    hashes: matcher.tokenHashes, gazetteers: matcher.gazetteers, scratch: &ruleScratch)
                try context.checkDeadline()
                let tagged = ruleScratch.candidates
                document.entities.reserveCapacity(adding: tagged.count)
                // The matcher hinted the entry record of every match when it found it.
                for entity in tagged {
                    append(start: entity.start, end: entity.end, label: entity.label, reference: entity.canonicalID, to: &document)
                }
            } else {
                document.entities.reserveCapacity(adding: chosen.count)
                for match in chosen where !(otherLanguage && startsWithSmallLetter(match.start, in: document)) {
                    append(start: match.start, end: match.end, label: match.label, reference: match.reference, to: &document)
                }
            }
            if matcher.options.overlap == .all { writeSpans(found.filter { $0.kind == .entity }, into: &document) }
        }

        /// True, with a warning, when `document` is in a language other than the rules' (English):
        /// it then gets the gazetteer's matches that start with a capital or an uncased letter
        /// (see docs/languages.md).
        private func rulesSkipped(for document: inout Document) -> Bool {
            let language = document.resolveLanguage()
            guard language.code != NERRules.language else { return false }
            document.warnings.append(
                "\(GazetteerNERStage.configuration.id): language \(language.described): gazetteer matches only, "
                    + "without the '\(NERRules.language)' context rules")
            return true
        }

        /// Whether token `token` starts with a lower-case letter: in an article whose language the
        /// rules do not serve, such a match is a common word that looks like a name ("ans", "kota"),
        /// since names are capitalised in every cased script.
        private func startsWithSmallLetter(_ token: Int, in document: Document) -> Bool {
            let start = Int(document.tokens.starts[token])
            let end = Int(document.tokens.ends[token])
            var decoder = UTF8()
            var bytes = document.utf8[start ..< end].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return false }
            return scalar.properties.isLowercase
        }

        /// Appends an entity with its entry's canonical id, referred to in place in the mapped
        /// gazetteer (copied only when output writes it). Names found by rules alone, which no
        /// entry supports, are unlinked: they get no id (see docs/gazetteer.md, "Linked and unlinked").
        private mutating func append(start: Int, end: Int, label kind: GazetteerLabel, reference: EntryReference?, to document: inout Document) {
            let label = kind.entityLabel
            guard let reference, let (offset, length) = matcher.gazetteers[reference.gazetteer].canonicalIDLocation(ofEntry: reference.entry) else {
                return document.entities.append(tokens: start ..< end, label: label, canonicalIDBytes: nil)
            }
            if storeNumbers[reference.gazetteer] == 0 {
                storeNumbers[reference.gazetteer] = document.entities.register(idStores[reference.gazetteer]) ?? -1
            }
            let store = storeNumbers[reference.gazetteer]
            if store > 0 {
                document.entities.append(tokens: start ..< end, label: label, canonicalIDAt: offset, length: length, in: store)
            } else {
                let bytes = idStores[reference.gazetteer].bytes
                document.entities.append(
                    tokens: start ..< end, label: label,
                    canonicalIDBytes: UnsafeBufferPointer(rebasing: bytes[offset ..< offset + length]))
            }
        }

        private func writeSpans(_ matches: [GazetteerMatch], into document: inout Document) {
            var layer = SpanLayer()
            for match in matches {
                layer.append(bytes: document.byteRange(ofTokens: match.start ..< match.end), label: match.label.entityLabel.rawValue)
            }
            document.spans["gazetteer"] = layer
        }
    }
}

extension String {
    /// The last path component.
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}
