public import TextPipeline

extension StageRegistry {
    /// A registry holding every stage that ships with TextPipeline.
    public static var builtin: StageRegistry {
        var registry = StageRegistry()
        registry.register(ICUTokenizerStage.self)
        registry.register(ICUSentenceStage.self)
        registry.register(GazetteerNERStage.self)
        registry.register(RulesTokensStage.self)
        registry.register(ExternalStage.self)
        registry.register(KeywordStage<YakeStage.Algorithm>.self)
        registry.register(KeywordStage<TfidfStage.Algorithm>.self)
        registry.register(KeywordStage<RakeStage.Algorithm>.self)
        registry.register(KeywordStage<TextRankStage.Algorithm>.self)
        return registry
    }
}
