import Testing
import TextPipeline
import TextPipelineStages

/// A snapshot of the built-in registry: renaming or re-versioning a stage
/// breaks every pipeline file that names it, so it must be a deliberate change here.
@Suite struct RegistrySnapshotTests {
    @Test func builtinStageIDs() {
        #expect(StageRegistry.builtin.all.map(\.id.description) == [
            "external@1",
            "keywords.rake@1",
            "keywords.textrank@1",
            "keywords.tfidf@1",
            "keywords.yake@1",
            "ner.gazetteer@1",
            "rules.tokens@1",
            "sentences.icu@1",
            "tokenize.icu@1",
        ])
    }

    @Test func everyOptionIsDocumented() {
        for factory in StageRegistry.builtin.all {
            #expect(!factory.summary.isEmpty, "\(factory.id) has no summary")
            for option in factory.options { #expect(!option.help.isEmpty, "\(factory.id).\(option.name) has no help") }
        }
    }
}
