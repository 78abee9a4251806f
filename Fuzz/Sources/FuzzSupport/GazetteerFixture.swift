import Foundation
import TextPipeline

@testable import TextPipelineStages

/// Runs `ner.gazetteer@1` with one compiled gazetteer over a tokenized text.
public enum GazetteerFixture {
    /// Words the seed gazetteers hold, in cases and forms the matcher folds, plus an acronym pass.
    public static let text = Array(
        """
        Kim Jong Un visited Pyongyang, KCNA said. The New York Times wrote from NEW YORK and York. \
        Zürich, ZURICH, zurich; Putin's envoy met Putin’s aide. Bank of Norland (BON) said BON would. \
        A. J. Rowe and Dr. Émile Zola-Martín arrived in São Paulo on 3 May 2024 at 10:30.
        """.utf8)

    private static let tokenizer = FuzzPipelines.load(
        """
        version: 1
        stages:
          - use: tokenize.icu@1
            with: { locale: en }
          - use: sentences.icu@1
            with: { locale: en }
        """)
    private static let bundledRules = try? NERRules.bundled()

    /// Tokenizes `text`, then matches it against `gazetteer` without and with the NER rules,
    /// checking the ``Invariants`` each time.
    public static func match(_ text: [UInt8], in gazetteer: CompiledGazetteer) {
        for rules in [nil, bundledRules] {
            let stage = GazetteerNERStage(gazetteers: [gazetteer], options: MatchOptions(), rules: rules)
            guard let pipeline = try? Pipeline(name: "fuzz", stages: tokenizer.stages + [stage]),
                var worker = try? pipeline.makeWorker()
            else {
                fuzzRequire(false, "the NER pipeline does not build")
                return
            }
            FuzzPipelines.analyse(text, with: &worker)
        }
    }
}
