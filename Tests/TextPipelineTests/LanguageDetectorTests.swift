import TestSupport
import Testing

@testable import TextPipeline

/// ``LanguageDetector`` and the `lang` input field.
@Suite struct LanguageDetectorTests {
    @Test(arguments: LanguageFixtures.articles.map(\.code))
    func articlesInOtherLanguagesAreDetected(_ code: String) throws {
        let text = try #require(LanguageFixtures.articles.first { $0.code == code }?.text)
        #expect(LanguageDetector.detect(Array(text.utf8)) == ArticleLanguage(code: code, source: .detected))
    }

    @Test func englishIsDetected() {
        #expect(LanguageDetector.detect(Array(LanguageFixtures.english.utf8)) == ArticleLanguage(code: "en", source: .detected))
    }

    @Test(arguments: [
        "", "Hello.", "Die Welt", "Shr 1.20 dlrs vs 1.10 dlrs Net 12.4 mln vs 11.0 mln Revs 230.1 mln vs 201.7 mln",
        "Berlin, Paris, Madrid, Moskau", "北京",
    ])
    func shortOrEvidenceFreeTextsAreAssumedEnglish(_ text: String) {
        #expect(LanguageDetector.detect(Array(text.utf8)) == .assumedEnglish)
    }

    /// An English article quoting a line in another language or script stays English.
    @Test func mixedTextsFollowTheirMainLanguage() {
        let quoting = LanguageFixtures.english + " The banner read \"Die Stadt gehört uns\" and \"市政府公布了新计划\"."
        #expect(LanguageDetector.detect(Array(quoting.utf8)).code == "en")
        let german = LanguageFixtures.articles[0].text + " The mayor said: \"This is the best plan for the city.\""
        #expect(LanguageDetector.detect(Array(german.utf8)).code == "de")
    }

    @Test func kanaMakeHanTextJapanese() {
        let text = "市政府は月曜日、市内の自転車道を拡張する新しい計画を発表した。市長によると、今後五年間で四十キロ以上の道が作られる。"
        #expect(LanguageDetector.detect(Array(text.utf8)).code == "ja")
    }

    /// Only the first ``LanguageDetector/scanLimit`` bytes are read, even when that cuts a character.
    @Test func theScanStopsAtItsLimitInsideACharacter() {
        let text = String(repeating: "a", count: LanguageDetector.scanLimit - 1) + "北" + LanguageFixtures.articles[4].text
        #expect(LanguageDetector.detect(Array(text.utf8)) == .assumedEnglish)
    }

    @Test(arguments: [("de", "de"), ("pt-BR", "pt"), ("ZH_Hans", "zh"), ("fil", "fil")])
    func languageTagsGiveTheirPrimarySubtag(_ tag: String, _ code: String) {
        #expect(ArticleLanguage.fromTag(tag) == ArticleLanguage(code: code, source: .input))
    }

    @Test(arguments: ["", "d", "deutsch", "1a", "é", "-de"])
    func malformedTagsAreRejected(_ tag: String) {
        #expect(ArticleLanguage.fromTag(tag) == nil)
    }

    /// A declared language is kept; detection runs only without one.
    @Test func theDocumentsDeclaredLanguageWins() {
        var declared = Document(text: LanguageFixtures.english, language: ArticleLanguage(code: "de", source: .input))
        #expect(declared.resolveLanguage() == ArticleLanguage(code: "de", source: .input))
        var detected = Document(text: LanguageFixtures.articles[1].text)
        #expect(detected.resolveLanguage().code == "fr")
        #expect(detected.language?.code == "fr")
    }
}

/// The detector's fixed-size tallies hold every language and function word.
@Suite struct FunctionWordTableTests {
    @Test func theTablesFitTheTallies() {
        #expect(FunctionWords.codes.count == FunctionWords.languageCount)
        #expect(FunctionWords.languageCount <= 12)
        #expect(FunctionWords.lists.count == FunctionWords.codes.count)
        #expect(FunctionWords.wordCount * 2 <= FunctionWords.slotCount)
        #expect(FunctionWords.slotCount <= 16 * 64)
        #expect(FunctionWords.lists.allSatisfy { $0.split(separator: " ").allSatisfy { $0.utf8.count <= 8 } })
    }

    /// A line of figures repeating one function word ("un" for unchanged) is not French.
    @Test func oneRepeatedWordIsNotEvidence() {
        let table = String(repeating: "WHEAT 17un unch 11.00 12un unch 3p un 5 ", count: 10)
        #expect(LanguageDetector.detect(Array(table.utf8)) == .assumedEnglish)
    }

    /// Web addresses do not make English Portuguese ("com").
    @Test func webAddressesAreNotPortuguese() {
        let text = LanguageFixtures.english + String(repeating: " See twitter.com and example.com.", count: 20)
        #expect(LanguageDetector.detect(Array(text.utf8)).code == "en")
    }
}

/// The scan stops once the text is clearly English (speed: most news is English).
@Suite struct LanguageDetectorEarlyStopTests {
    @Test func aClearlyEnglishOpeningDecides() {
        let english = String(repeating: LanguageFixtures.english + " ", count: 2)
        let german = String(repeating: LanguageFixtures.articles[0].text + " ", count: 8)
        #expect(LanguageDetector.detect(Array((english + german).utf8)) == ArticleLanguage(code: "en", source: .detected))
        #expect(LanguageDetector.detect(Array((german + english).utf8)).code == "de")
    }

    /// The stop is checked inside long ASCII runs too (the detector reads them in a separate loop).
    @Test func aClearlyEnglishOpeningDecidesBeforeAnASCIIGermanText() {
        let english = String(repeating: LanguageFixtures.english + " ", count: 2)
        let german = String(repeating: "Die Stadt und der Rat haben das Projekt mit den Bewohnern nicht besprochen, sagte er. ", count: 40)
        #expect(Array(german.utf8).allSatisfy { $0 < 0x80 })
        #expect(LanguageDetector.detect(Array(german.utf8)).code == "de")
        #expect(LanguageDetector.detect(Array((english + german).utf8)) == ArticleLanguage(code: "en", source: .detected))
    }

    /// ASCII letters count as Latin letters against another script.
    @Test func asciiLettersOutweighAFewHanLetters() {
        let text = String(repeating: "北", count: 20) + " the plan for the city of the river and the park"
        #expect(LanguageDetector.detect(Array(text.utf8)) == ArticleLanguage(code: "en", source: .detected))
    }
}

/// Short articles with clear evidence are detected; Vietnamese by its letters.
@Suite struct LanguageDetectorShortTextTests {
    @Test(arguments: [
        ("es", "El ayuntamiento aprobó ayer un plan para plantar 12.000 árboles. ¿Será suficiente? Los vecinos creen que sí."),
        ("vi", "Thành phố khai trương tuyến xe buýt điện đầu tiên vào sáng thứ Hai. Giá vé là 7.000 đồng."),
    ])
    func shortArticlesWithClearEvidence(_ code: String, _ text: String) {
        #expect(LanguageDetector.detect(Array(text.utf8)) == ArticleLanguage(code: code, source: .detected))
    }

    /// A Vietnamese name in an English article does not make it Vietnamese.
    @Test func aVietnameseNameInEnglishStaysEnglish() {
        let text = "Prime Minister Phạm Minh Chính met the delegation on Monday. " + LanguageFixtures.english
        #expect(LanguageDetector.detect(Array(text.utf8)).code == "en")
    }
}
