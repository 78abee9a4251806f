public import TextPipeline

extension GazetteerNERStage {
    /// Possessive endings and elided articles are split off tokens before matching
    /// (`PossessiveSplit`), which rewrites the token layer and the sentence ranges over it.
    public static let configuration = StageConfiguration(
        id: "ner.gazetteer@1", summary: "named entities from gazetteers (token automaton) and context rules",
        options: optionSpecs, requires: [.tokens], provides: [.entities], rewrites: [.tokens, .sentences],
        languages: "gazetteers: any; context rules (rules-en.txt): en; other articles: gazetteer matches only, a warning")

    static let optionSpecs = [
        OptionSpec(
            "gazetteers", .pathList,
            help: "gazetteers in order of precedence: TSV sources (consecutive ones are compiled together, cached by checksum) or compiled .tpg files"),
        OptionSpec(
            "case", .choice(NormalizationMode.allCases.map(\.rawValue)), default: "insensitive",
            help: "exact: same characters (NFC); insensitive: ICU case folding; diacritics: case folding and accents ignored"),
        OptionSpec(
            "acronyms", .choice(["exact", "follow"]), default: "exact",
            help: "exact: short all-capital entries (US, WHO) match only in capitals; follow: they follow 'case'"),
        OptionSpec(
            "overlap", .choice(OverlapPolicy.allCases.map(\.rawValue)), default: "longest",
            help: "longest: leftmost-longest; priority: higher priority first; all: as longest, plus every match in spans.gazetteer"),
        OptionSpec(
            "rules", .string, default: "default",
            help: "context rules: 'default' (bundled English rules), 'none' (gazetteer lookup only), or a rules file path"),
        OptionSpec("cache", .path, default: "$TEXTPIPE_CACHE or ~/.cache/textpipe", help: "folder for gazetteers compiled from TSV sources"),
    ]

    public init(options: StageOptions) throws {
        let matchOptions = MatchOptions(
            mode: NormalizationMode(rawValue: try options.choice("case", default: "insensitive")) ?? .insensitive,
            overlap: OverlapPolicy(rawValue: try options.choice("overlap", default: "longest")) ?? .longest,
            acronymsCaseSensitive: try options.choice("acronyms", default: "exact") == "exact")
        let gazetteers = try Self.loadGazetteers(options)
        self.init(gazetteers: gazetteers, options: matchOptions, rules: try Self.loadRules(options))
    }

    static func loadGazetteers(_ options: StageOptions) throws -> [CompiledGazetteer] {
        guard let paths = try options.pathList("gazetteers"), !paths.isEmpty else {
            throw options.error("gazetteers", "expected a list of gazetteer files (TSV sources or compiled .tpg)")
        }
        let cache = try options.path("cache") ?? GazetteerStore.defaultCacheFolder
        var result: [CompiledGazetteer] = []
        var pendingSources: [String] = []
        func flush() throws {
            guard !pendingSources.isEmpty else { return }
            result.append(try GazetteerStore.shared.compiled(sources: pendingSources, cacheFolder: cache))
            pendingSources = []
        }
        do {
            for path in paths {
                if path.hasSuffix(".tpg") {
                    try flush()
                    result.append(try GazetteerStore.shared.compiled(path: path))
                } else {
                    pendingSources.append(path)
                }
            }
            try flush()
        } catch let error as GazetteerSourceError {
            throw options.error("gazetteers", error.description)
        } catch let error as GazetteerFileError {
            throw options.error("gazetteers", error.description)
        } catch {
            throw options.error("gazetteers", "\(error)")
        }
        return result
    }

    static func loadRules(_ options: StageOptions) throws -> NERRules? {
        let value = try options.string("rules", default: "default")
        do {
            switch value {
            case "none": return nil
            case "default": return try NERRules.bundled()
            default: return try NERRules.load(path: options.resolve(value))
            }
        } catch let error as GazetteerSourceError {
            throw options.error("rules", error.description)
        }
    }
}
