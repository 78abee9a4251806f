import Testing

@testable import TextPipeline

/// Keyword scores in [0.001, 1) are written by `ShortestDecimal`, which must give the digits
/// `Double.description` gives, byte for byte.
@Suite struct ShortestDecimalTests {
    func written(_ value: Double) -> String? {
        guard let (digits, count, leadingZeros) = ShortestDecimal.digits(of: value) else { return nil }
        let text = String(digits)
        return "0." + String(repeating: "0", count: leadingZeros) + String(repeating: "0", count: count - text.count) + text
    }

    @Test func scoresGiveTheDigitsOfTheirDescription() {
        var generator = SystemRandomNumberGenerator()
        var values = [0.931637267869179, 0.9215381085495324, 0.5, 0.1, 0.01, 0.001, 0.1.nextUp, 0.01.nextUp, 0.001.nextUp, 1.0.nextDown]
        for numerator in 1 ..< 200 { for denominator in (numerator + 1) ..< 200 { values.append(Double(numerator) / Double(denominator)) } }
        let (low, high) = (0.001.bitPattern, 1.0.bitPattern)
        for _ in 0 ..< 20_000 {
            values.append(Double(bitPattern: UInt64.random(in: low ..< high, using: &generator)))
            values.append(Double.random(in: 0.001 ..< 1, using: &generator))
        }
        var handled = 0
        for value in values {
            guard let text = written(value) else { continue }
            handled += 1
            #expect(text == value.description)
        }
        #expect(handled * 100 >= values.count * 99)
    }

    /// Outside [0.001, 1), and where the search cannot decide, the caller writes `description`.
    @Test func otherValuesAreLeftToDescription() {
        for value in [0, 0.000_999, 1, 1.5, -0.5, 0.0625, 0.5, .nan, .infinity] {
            #expect(ShortestDecimal.digits(of: value) == nil, "\(value)")
        }
    }
}
