import Foundation
import Testing

@testable import TextPipeline

/// The run summary's figures are written without Foundation's formatter; they must be what
/// `String(format: "%.Nf")` writes, ties (half to even, on the exact binary value) included.
@Suite struct FixedDecimalTests {
    @Test func figuresMatchThePrintfFormat() {
        var generator = SystemRandomNumberGenerator()
        var values = [0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 2.5, 3.5, 0.125, 5e-324, 0.0005, 99.95, 999.9995, 9_007_199_254_740_991]
        for _ in 0 ..< 5000 {
            values.append(Double.random(in: 0 ..< 1000, using: &generator))
            values.append(Double(Int.random(in: 0 ..< 200_000, using: &generator)) / 8)
            values.append(-Double.random(in: 0 ..< 10, using: &generator))
        }
        for value in values {
            for decimals in 0 ... 3 {
                let text = FixedDecimal.text(value, decimals: decimals)
                #expect(text == String(format: "%.\(decimals)f", value), "\(value) \(decimals)")
            }
        }
    }

    @Test func largeAndNonFiniteValuesAreLeftToFoundation() {
        for value in [0x1p53, -0x1p60, .infinity, .nan] { #expect(FixedDecimal.text(value, decimals: 1) == nil) }
        #expect(FixedDecimal.text(1, decimals: 4) == nil)
    }
}
