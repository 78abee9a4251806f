import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// A snapshot of the built-in registry: renaming or re-versioning a stage
/// breaks every pipeline file that names it, and changing what it requires,
/// provides or rewrites changes which pipelines load, so each must be a
/// deliberate change here.
@Suite struct RegistrySnapshotTests {
    @Test func builtinStageIDs() {
        #expect(
            StageRegistry.builtin.all.map(\.id.description) == [
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

    /// `id  requires > provides ~ rewrites  options`, one line per stage.
    @Test func builtinDeclarations() {
        func names(_ layers: [LayerName]) -> String { layers.map(\.rawValue).joined(separator: ",") }
        let keywordOptions =
            "top,max_words,dedup,min_length,stop_words,add_stop_words,languages,title_boost,phrase_weight,"
            + "entities_whole,name_parts,entity_boost,exclude_labels"
        let lines = StageRegistry.builtin.all.map { factory in
            "\(factory.id)  \(names(factory.requires)) > \(names(factory.provides)) ~ \(names(factory.rewrites))  "
                + factory.options.map(\.name).joined(separator: ",")
        }
        #expect(
            lines == [
                "external@1   >  ~   command,name,send,entities,spans,attributes,timeout,start_timeout,max_reply_bytes,max_failed_starts,directory",
                "keywords.rake@1  tokens,sentences > keywords ~   " + keywordOptions,
                "keywords.textrank@1  tokens,sentences > keywords ~   window," + keywordOptions,
                "keywords.tfidf@1  tokens,sentences > keywords ~   df," + keywordOptions,
                "keywords.yake@1  tokens,sentences > keywords ~   " + keywordOptions,
                "ner.gazetteer@1  tokens > entities ~ tokens,sentences  gazetteers,case,acronyms,overlap,rules,cache",
                "rules.tokens@1  tokens >  ~   rules",
                "sentences.icu@1  tokens > sentences ~   locale,newline,abbreviations,starters,continuations,time_qualifiers,reporting_verbs,salutations",
                "tokenize.icu@1   > tokens ~   locale",
            ])
    }

    @Test func everyOptionIsDocumented() {
        for factory in StageRegistry.builtin.all {
            #expect(!factory.summary.isEmpty, "\(factory.id) has no summary")
            for option in factory.options { #expect(!option.help.isEmpty, "\(factory.id).\(option.name) has no help") }
        }
    }

    /// A stage built with its default options has the declared layers: the declaration that
    /// `textpipe stages` prints is the one the wiring check uses.
    @Test(arguments: ["keywords.yake@1", "keywords.rake@1", "keywords.textrank@1"])
    func stageWithDefaultOptionsMatchesItsDeclaration(_ id: String) throws {
        let pipeline = try DocumentFixtures.pipeline("version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n  - use: \(id)\n")
        for stage in pipeline.stages {
            let factory = try #require(StageRegistry.builtin.factory(for: stage.id))
            #expect(stage.requires == factory.requires, "\(stage.id) requires")
            #expect(stage.provides == factory.provides, "\(stage.id) provides")
            #expect(stage.rewrites == factory.rewrites, "\(stage.id) rewrites")
        }
    }

    @Test func gazetteerStageWithDefaultOptionsMatchesItsDeclaration() throws {
        let pipeline = try NERFixture.pipeline("Pyongyang\tLOC\n")
        for stage in pipeline.stages {
            let factory = try #require(StageRegistry.builtin.factory(for: stage.id))
            #expect((stage.requires, stage.provides, stage.rewrites) == (factory.requires, factory.provides, factory.rewrites), "\(stage.id)")
        }
    }
}
