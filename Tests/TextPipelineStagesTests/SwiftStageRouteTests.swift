import Foundation
import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// The Swift route: a stage defined outside the library, registered in a
/// copy of the built-in registry and resolved by name from a pipeline file.
@Suite struct SwiftStageRouteTests {
    /// Marks every all-capital word of two letters or more (`NATO`, `US`) and counts them.
    struct AcronymStage: StatelessStage {
        static let configuration = StageConfiguration(
            id: "test.acronyms@1", summary: "acronyms", options: [OptionSpec("label", .string, default: "ACR", help: "span label")],
            requires: [.tokens], provides: [.spans("acronyms"), .attribute("acronyms")])

        let label: String
        init(options: StageOptions) throws { label = try options.string("label", default: "ACR") }

        func process(_ document: inout Document, context: StageContext) throws {
            var layer = SpanLayer()
            for index in 0 ..< document.tokens.count {
                let bytes = document.utf8[document.tokens.byteRange(index)]
                if bytes.count >= 2, bytes.allSatisfy({ (0x41 ... 0x5A).contains($0) }) {
                    layer.append(bytes: document.tokens.byteRange(index), label: label)
                }
            }
            document.spans["acronyms"] = layer
            document.attributes["acronyms"] = .number(Double(layer.count))
        }
    }

    @Test func registeredStageRunsFromAPipelineFileAndIsEncodedUnderSpansAndAttributes() throws {
        var registry = StageRegistry.builtin
        registry.register(AcronymStage.self)
        let pipeline = try DocumentFixtures.pipeline(
            """
            version: 1
            stages:
              - use: tokenize.icu@1
              - use: test.acronyms@1
                with: { label: ABBR }
            """, registry: registry)
        let markup = SpanMarkup("The [[NATO]]ABBR and [[EU]]ABBR summit, not Nato.")
        let document = try DocumentFixtures.analyse(markup.text, with: pipeline)
        let spans = try #require(document.spans["acronyms"])
        #expect(
            (0 ..< spans.count).map {
                SpanMarkup.Span(text: document.text(bytes: Int(spans.starts[$0]) ..< Int(spans.ends[$0])), label: spans.labels[$0] ?? "")
            } == markup.spans)
        var buffer = JSONBuffer()
        OutputEncoder(options: OutputOptions(layers: pipeline.provides)).encode(document, into: &buffer)
        let line = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(line.contains(#""spans":{"acronyms":[{"start":4,"end":8,"label":"ABBR"},{"start":13,"end":15,"label":"ABBR"}]}"#))
        #expect(line.contains(#""attributes":{"acronyms":2}"#))
    }

    @Test func unknownOptionOfACustomStageIsALocatedError() throws {
        var registry = StageRegistry.builtin
        registry.register(AcronymStage.self)
        #expect {
            _ = try DocumentFixtures.pipeline(
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: test.acronyms@1\n    with: { lable: X }\n",
                file: "p.yaml", registry: registry)
        } throws: { "\($0)" == "p.yaml:5: stages[1].with.lable: unknown option; did you mean 'label'? expected one of: label" }
    }

    @Test func aStageIsBuiltFromOptionsWithoutAPipelineFile() throws {
        let specs = AcronymStage.configuration.options
        #expect(try AcronymStage(options: StageOptions(yaml: "{ label: ABBR }", specs: specs)).label == "ABBR")
        #expect(try AcronymStage(options: StageOptions(yaml: "", specs: specs)).label == "ACR")
        #expect {
            _ = try StageOptions(yaml: "{ lable: X }", specs: specs, file: "opts.yaml")
        } throws: { "\($0)" == "opts.yaml:1: lable: unknown option; did you mean 'label'? expected one of: label" }
    }

    @Test func registeringATypeUsesItsDeclaration() throws {
        var registry = StageRegistry()
        registry.register(AcronymStage.self)
        let factory = try #require(registry.factory(for: "test.acronyms@1"))
        #expect(factory.summary == "acronyms" && factory.requires == [.tokens])
        #expect(factory.provides == [.spans("acronyms"), .attribute("acronyms")] && factory.options.map(\.name) == ["label"])
    }
}
