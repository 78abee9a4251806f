public import TextPipeline

/// `rules.tokens@1`: token-pattern rules from a YAML file, in the spirit of
/// spaCy's Matcher and CoreNLP's TokensRegex.
///
/// Each rule's pattern compiles to an automaton when the pipeline loads;
/// matching is greedy, leftmost-longest and non-overlapping within a rule,
/// in time linear in the number of tokens. Rules run in file order, and each
/// sees the entities earlier rules added or relabelled. The rules file format
/// is described in `docs/plugins.md`.
public struct RulesTokensStage: Stage {
    /// The layers come from the rules file: ``requires`` and ``provides`` are those of the rules.
    public static let configuration = StageConfiguration(
        id: "rules.tokens@1", summary: "token-pattern rules from a YAML file: add entities or spans, relabel entities",
        options: [OptionSpec("rules", .path, help: "the rules file (YAML), relative to the pipeline file")],
        requires: [.tokens])

    public init(options: StageOptions) throws {
        guard let path = try options.path("rules") else {
            throw options.error(nil, "missing option 'rules'; expected the path of a rules file")
        }
        self.init(rules: try RuleFileParser.load(path: path, name: path))
    }

    let rules: RuleSet

    init(rules: RuleSet) { self.rules = rules }

    /// Creates the stage from rules-file YAML, for code and tests.
    /// - Throws: `ConfigurationError` naming `file`, the rule and the problem.
    public init(yaml: String, file: String = "<rules>", baseDirectory: String = ".") throws {
        self.init(rules: try RuleFileParser.parse(yaml: yaml, file: file, baseDirectory: baseDirectory))
    }

    public var requires: [LayerName] { rules.requires }
    public var provides: [LayerName] { rules.provides }
    public var resourceChecksums: [String: String] { rules.checksums }

    public func makeWorker() throws -> any StageWorker {
        RulesWorker(rules: rules, regexes: try rules.regexPatterns.map { try PosixRegex($0) })
    }
}
