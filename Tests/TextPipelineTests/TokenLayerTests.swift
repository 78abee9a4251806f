import Testing
import TextPipeline

@Suite struct TokenLayerTests {
    /// A layer of `count` tokens with gaps of 0 to 3 bytes between them and lengths of 1 to 6.
    static func layer(count: Int, seed: UInt64) -> TokenLayer {
        var generator = seed
        func next(_ bound: Int32) -> Int32 {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32(generator >> 33) % bound
        }
        var layer = TokenLayer()
        var at: Int32 = next(3)
        for _ in 0 ..< count {
            let end = at + 1 + next(6)
            layer.append(start: at, end: end, kind: .word)
            at = end + next(4)
        }
        return layer
    }

    @Test(
        "the first token ending after an offset, searched from the start or galloping from a hint, is the linear answer",
        arguments: [0, 1, 2, 7, 100])
    func firstTokenEndingAfter(count: Int) {
        let tokens = Self.layer(count: count, seed: UInt64(count) + 1)
        let last = tokens.ends.last ?? 0
        var hint = 0
        for offset in Int32(-1) ... last + 2 {
            let expected = tokens.ends.firstIndex { $0 > offset } ?? tokens.count
            #expect(tokens.firstToken(endingAfter: offset) == expected)
            #expect(tokens.firstToken(endingAfter: offset, from: hint) == expected)
            // Any hint at or before the answer gives the answer.
            #expect(tokens.firstToken(endingAfter: offset, from: expected / 2) == expected)
            hint = expected
        }
    }

    @Test(
        "replaceAll copies the columns and reads every raw kind, an unknown one as other",
        arguments: [[UInt8](0 ... 7), [0, 7, 3, 3, 1], [0, 8, 2], [255, 6, 5, 4], []])
    func replaceAllReadsRawKinds(raws: [UInt8]) {
        let starts = raws.indices.map { Int32($0 * 2) }
        let ends = raws.indices.map { Int32($0 * 2 + 1) }
        var layer = Self.layer(count: 5, seed: 9)
        starts.withUnsafeBufferPointer { starts in
            ends.withUnsafeBufferPointer { ends in
                raws.withUnsafeBufferPointer { layer.replaceAll(starts: starts, ends: ends, kinds: $0) }
            }
        }
        #expect(layer.starts == starts)
        #expect(layer.ends == ends)
        #expect(layer.kinds == raws.map { TokenKind(rawValue: $0) ?? .other })
    }
}
