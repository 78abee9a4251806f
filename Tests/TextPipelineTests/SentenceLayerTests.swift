import Testing
import TextPipeline

/// `SentenceLayer` is a random-access collection of token ranges, like an array.
@Suite struct SentenceLayerTests {
    static func layer(_ ranges: [Range<Int>]) -> SentenceLayer {
        var layer = SentenceLayer()
        for range in ranges { layer.append(tokens: range) }
        return layer
    }

    @Test func iteratesItsSentencesInOrder() {
        let layer = Self.layer([0 ..< 3, 3 ..< 4, 6 ..< 9])
        #expect(Array(layer) == [0 ..< 3, 3 ..< 4, 6 ..< 9])
        var seen: [Range<Int>] = []
        for sentence in layer { seen.append(sentence) }
        #expect(seen == [0 ..< 3, 3 ..< 4, 6 ..< 9])
    }

    @Test func subscriptsLikeTokenRange() {
        let layer = Self.layer([0 ..< 3, 3 ..< 4, 6 ..< 9])
        #expect(layer[1] == 3 ..< 4)
        #expect(layer.indices.map { layer[$0] } == layer.indices.map(layer.tokenRange))
        #expect(layer.last == 6 ..< 9)
        #expect(layer.map(\.count) == [3, 1, 3])
    }

    @Test func emptyLayerIsAnEmptyCollection() {
        let layer = SentenceLayer()
        #expect(layer.isEmpty && layer.startIndex == layer.endIndex && layer.first == nil)
    }
}
