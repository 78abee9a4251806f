import TestSupport
import Testing

@testable import TextPipelineStages

/// The banded, early-exit edit distance of the near-duplicate test agrees with the
/// full Levenshtein table on every pair and limit.
@Suite struct KeywordNearDuplicateTests {
    /// The textbook Levenshtein distance (insert, delete, substitute, each 1).
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0 ... b.count)
        for i in 1 ... max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Short words over a three-letter alphabet, so that close pairs are common.
    static func word(_ random: inout SplitMix) -> [UInt8] {
        (0 ..< Int(random.next() % 12)).map { _ in UInt8(0x61 + random.next() % 3) }
    }

    @Test func bandedDistanceAgreesWithTheFullTable() {
        var random = SplitMix(state: 18)
        var similarity = NearDuplicates()
        for _ in 0 ..< 3000 {
            let (a, b) = (Self.word(&random), Self.word(&random))
            let expected = Self.distance(a, b)
            for limit in 1 ... 6 {
                let found = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity.isWithin(a, b, limit: limit) } }
                #expect(found == (expected <= limit), "\(a) \(b) limit \(limit): distance \(expected)")
            }
        }
    }

    @Test func rowsAreReusedAcrossLengths() {
        var similarity = NearDuplicates()
        let long = Array("internationalisation".utf8)
        let short = Array("nation".utf8)
        let near = Array("internationalization".utf8)
        func within(_ a: [UInt8], _ b: [UInt8], _ limit: Int) -> Bool {
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity.isWithin(a, b, limit: limit) } }
        }
        #expect(within(long, near, 2))
        #expect(!within(long, short, 3))
        #expect(within(near, long, 1))
    }
}
