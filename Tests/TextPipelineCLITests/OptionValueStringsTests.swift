import ArgumentParser
import Testing
import TextPipeline

@testable import TextPipelineCLI

/// The option values state ArgumentParser's strings themselves (no String(describing:) at start-up);
/// they must be what its defaults gave: the raw values, no per-value descriptions.
@Suite struct OptionValueStringsTests {
    func check<Value: ExpressibleByArgument & CaseIterable & RawRepresentable<String>>(_: Value.Type) {
        #expect(Value.allValueStrings == Value.allCases.map(\.rawValue))
        #expect(Value.allValueDescriptions.isEmpty)
        for value in Value.allCases { #expect(value.defaultValueDescription == "\(value)") }
    }

    @Test func optionValuesAreTheirRawValues() {
        check(OffsetUnit.self)
        check(InputFormat.self)
        check(OutputFormat.self)
        check(ArticleLimits.OversizePolicy.self)
        check(EmittedLayer.self)
        #expect(OffsetUnit.allValueStrings == ["codepoint", "utf16", "utf8"])
    }
}
