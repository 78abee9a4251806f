import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// Stages with English word lists or rules handle articles in other languages
/// by skipping those parts, with a warning in the record (docs/languages.md).
@Suite struct LanguageStageTests {
    func analyse(_ text: String, language: ArticleLanguage? = nil, pipeline: Pipeline) throws -> Document {
        var worker = try pipeline.makeWorker()
        var document = Document(id: .string("t"), text: text, language: language)
        try worker.process(&document)
        return document
    }

    func yake(_ options: String = "{}") throws -> Pipeline { try KeywordFixtures.pipeline("keywords.yake@1", options) }

    @Test(arguments: LanguageFixtures.articles.map(\.code))
    func otherLanguagesGetNoEnglishStopWordKeywords(_ code: String) throws {
        let text = try #require(LanguageFixtures.articles.first { $0.code == code }?.text)
        let document = try analyse(text, pipeline: yake())
        #expect(document.keywords.isEmpty)
        #expect(document.warnings.contains { $0.hasPrefix("keywords.yake@1: no keywords: language '\(code)' (detected)") })
        #expect(document.warnings.contains { $0.hasPrefix("sentences.icu@1: language '\(code)' (detected)") })
        #expect(document.sentences.count >= 3, "punctuation rules still split \(code)")
    }

    @Test func englishArticlesGetKeywordsAndNoWarning() throws {
        let document = try analyse(LanguageFixtures.english, pipeline: yake())
        #expect(!document.keywords.isEmpty)
        #expect(document.warnings.isEmpty)
    }

    /// The `lang` field wins over detection, both ways.
    @Test func theDeclaredLanguageOverridesDetection() throws {
        let german = LanguageFixtures.articles[0].text
        let asEnglish = try analyse(german, language: ArticleLanguage(code: "en", source: .input), pipeline: yake())
        #expect(!asEnglish.keywords.isEmpty)
        #expect(asEnglish.warnings.isEmpty)
        let asGerman = try analyse(LanguageFixtures.english, language: ArticleLanguage(code: "de", source: .input), pipeline: yake())
        #expect(asGerman.keywords.isEmpty)
        #expect(asGerman.warnings.contains { $0.contains("language 'de' (lang field)") })
    }

    @Test func theLanguagesOptionWidensTheStopWords() throws {
        let german = LanguageFixtures.articles[0].text
        #expect(!(try analyse(german, pipeline: yake(#"{languages: ["*"]}"#)).keywords.isEmpty))
        #expect(!(try analyse(german, pipeline: yake(#"{languages: [en, de]}"#)).keywords.isEmpty))
        #expect(throws: ConfigurationError.self) { try yake(#"{languages: [deutsch]}"#) }
    }

    static let gazetteer = """
        surface\tlabel\tid
        Moscow\tLOC\tgeonames:524901
        Ans\tLOC\tgeonames:2803073
        """

    /// The English context rules (title case, person verbs, fallbacks) do not run on other
    /// languages: gazetteer matches only, and none that starts with a small letter ("ans").
    @Test func nerRulesSkipOtherLanguages() throws {
        let pipeline = try NERFixture.pipeline(Self.gazetteer)
        let text =
            "Wladimir Putin reiste am Montag nach Moscow, wo die Regierung von Herrn Jaroslav Kowalczyk über den neuen Plan sprach und die Gäste ans Ufer der Stadt begleitete."
        let document = try analyse(text, pipeline: pipeline)
        let found = (0 ..< document.entities.count).map { document.text(ofEntity: $0) }
        #expect(found == ["Moscow"])
        #expect(document.warnings.contains { $0.hasPrefix("ner.gazetteer@1: language 'de' (detected): gazetteer matches only") })
        let english = try analyse("Talks were led by Mr Jaroslav Kowalczyk in Moscow yesterday.", pipeline: pipeline)
        #expect((0 ..< english.entities.count).map { english.text(ofEntity: $0) } == ["Jaroslav Kowalczyk", "Moscow"])
    }
}
