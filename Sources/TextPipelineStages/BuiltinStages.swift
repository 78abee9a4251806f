public import TextPipeline

extension StageRegistry {
    /// A registry holding every stage that ships with TextPipeline.
    public static var builtin: StageRegistry {
        var registry = StageRegistry()
        registry.register(ICUTokenizerStage.factory)
        registry.register(ICUSentenceStage.factory)
        registry.register(GazetteerNERStage.factory)
        registry.register(RulesTokensStage.factory)
        registry.register(ExternalStage.factory)
        registry.register(YakeStage.factory)
        registry.register(TfidfStage.factory)
        registry.register(RakeStage.factory)
        registry.register(TextRankStage.factory)
        return registry
    }
}
