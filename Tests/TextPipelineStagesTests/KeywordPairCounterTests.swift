import Testing

@testable import TextPipelineStages

/// ``PairCounter/reserve(pairs:)`` must leave room for that many pairs, since
/// ``PairCounter/add(_:_:amount:reserved:)`` then skips its growth checks.
@Suite struct KeywordPairCounterTests {
    @Test func reserveMakesRoomForEveryPair() {
        var counter = PairCounter()
        counter.reset()
        counter.reserve(pairs: 5000)
        #expect(counter.slotCount >= 2 * 5000)
        var added = 0
        for pair in 0 ..< Int32(5000) where counter.add(pair, pair &* 7, reserved: true) { added += 1 }
        #expect(added == 5000)
        let again = counter.add(3, 21, reserved: true)
        #expect(again == false)
        #expect(counter.count(3, 21) == 2)
        #expect(counter.count(4999, 4999 * 7) == 1)
        #expect(counter.count(5000, 35000) == 0)
    }

    /// Pairs that share their second term must not share a home slot, or each probes past all the others.
    @Test func pairsEndingInOneTermSpreadOverTheSlots() {
        let mask = 1023
        let homes = Set((0 ..< Int32(64)).map { PairCounter.slotHash(PairCounter.key($0, 7)) & mask })
        #expect(homes.count > 48)
    }
}
