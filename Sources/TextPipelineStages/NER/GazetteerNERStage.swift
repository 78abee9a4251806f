import TextPipeline

/// `ner.gazetteer@1`: gazetteer matching over the token layer, then context
/// rules that turn lookups into named entities (see docs/gazetteer.md).
///
/// The stage holds the compiled gazetteers (shared, read-only, mapped once per
/// process) and the rules; each worker owns a ``GazetteerMatcher`` with its
/// scratch buffers. Per document: possessive endings are split off, every
/// match is found, overlaps are resolved, rules add and relabel entities, and
/// the entity layer is written (plus `spans.gazetteer` with overlap `all`).
public struct GazetteerNERStage: Stage {
    public static let id = StageID(name: "ner.gazetteer", version: 1)

    public let gazetteers: [CompiledGazetteer]
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

    public var id: StageID { Self.id }
    public var requires: [LayerName] { [.tokens] }
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
        /// Canonical ids already decoded: a direct-mapped cache by gazetteer and entry, so repeated
        /// names share one string without hashing a dictionary key.
        var idKeys = [Int](repeating: -1, count: 1 << 14)
        var idStrings = [String](repeating: "", count: 1 << 14)

        init(matcher: GazetteerMatcher, rules: NERRules?) {
            self.matcher = matcher
            self.rules = rules
        }

        mutating func canonicalID(_ match: GazetteerMatch) -> String? {
            let key = match.gazetteer << 40 | match.entry
            let slot = (key &* 0x9E37_79B9) >> 7 & (idKeys.count - 1)
            if idKeys[slot] == key { return idStrings[slot] }
            guard let id = matcher.gazetteers[match.gazetteer].canonicalID(ofEntry: match.entry) else { return nil }
            idKeys[slot] = key
            idStrings[slot] = id
            return id
        }

        mutating func process(_ document: inout Document, context: StageContext) throws {
            PossessiveSplit.apply(to: &document)
            let segments = document.sentences.isEmpty
                ? [0 ..< document.tokens.count]
                : (0 ..< document.sentences.count).map { document.sentences.tokenRange($0) }
            let matches = matcher.matches(in: document, segments: segments)
            try context.checkDeadline()
            let entities = matches.filter { $0.kind == .entity }
            let chosen = OverlapResolver.resolve(entities, policy: matcher.options.overlap)
            var ids: [String?] = []
            ids.reserveCapacity(chosen.count)
            for match in chosen { ids.append(canonicalID(match)) }
            let found: [FoundEntity]
            if let rules {
                found = RuleTagger(rules: rules, document: document, segments: segments, matches: matches,
                                   hashes: matcher.tokenHashes, gazetteers: matcher.gazetteers).tag(chosen, ids: ids)
            } else {
                found = zip(chosen, ids).map { FoundEntity(start: $0.start, end: $0.end, label: $0.label.entityLabel, canonicalID: $1) }
            }
            for entity in found {
                // Names found by rules alone get an id derived like a source entry's: stable, namespaced.
                let id = entity.canonicalID ?? derivedID(entity, document)
                document.entities.append(tokens: entity.start ..< entity.end, label: entity.label, canonicalID: id)
            }
            if matcher.options.overlap == .all { writeSpans(entities, into: &document) }
        }

        private func derivedID(_ entity: FoundEntity, _ document: Document) -> String? {
            let label: GazetteerLabel? = switch entity.label {
            case .person: .person
            case .location: .location
            case .organization: .organization
            case .miscellaneous: .miscellaneous
            default: nil
            }
            guard let label else { return nil }
            return CanonicalID.derive(label: label, surface: document.text(bytes: document.byteRange(ofTokens: entity.start ..< entity.end)))
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

/// An entity before it is written: tokens `start ..< end`.
struct FoundEntity: Equatable {
    var start: Int
    var end: Int
    var label: EntityLabel
    var canonicalID: String?
}

extension CompiledGazetteer {
    /// The canonical id of entry `index`, or nil when it is out of range.
    func canonicalID(ofEntry index: Int) -> String? {
        entry(index).map(canonicalID(of:))
    }
}

extension String {
    /// The last path component.
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}
