import Testing
@testable import TextPipelineStages

/// The rules' word-hash tables against the standard library's set and dictionary.
@Suite struct WordHashTablesTests {
    @Test func setAgreesWithASetIncludingTheZeroKey() {
        var generator = SystemRandomNumberGenerator()
        var set = WordHashSet()
        var reference = Set<UInt64>()
        // Small keys collide in the low bits on purpose; 0 is the empty-slot marker.
        let keys = [0, 1, 17, 33] + (0 ..< 2000).map { _ in UInt64.random(in: 0 ... 5000, using: &generator) << 4 }
        for key in keys {
            set.insert(key)
            reference.insert(key)
        }
        #expect(set.count == reference.count)
        for probe in 0 ..< 100_000 as Range<UInt64> where probe % 7 == 0 || reference.contains(probe) {
            #expect(set.contains(probe) == reference.contains(probe), "\(probe)")
        }
        #expect(!WordHashSet().contains(0))
    }

    @Test func mapUpdatesAndKeepsEveryPairThroughGrowth() {
        var map = WordHashMap<Int>()
        var reference: [UInt64: Int] = [:]
        for round in 0 ..< 3 {
            for key in stride(from: UInt64(0), to: 3000, by: 3) {
                map.update(key << 8, initial: 0) { $0 += round + 1 }
                reference[key << 8, default: 0] += round + 1
            }
        }
        map.insertIfAbsent(3 << 8, 99)  // present: kept as it is
        map.insertIfAbsent(5, 7)        // absent: added
        reference[5] = 7
        #expect(map.count == reference.count)
        var pairs: [UInt64: Int] = [:]
        map.forEach { pairs[$0] = $1 }
        #expect(pairs.count == reference.count && pairs == reference)
        #expect(map[3 << 8] == 6)
        #expect(map[4 << 8] == nil)
        #expect(WordHashMap<Int>().isEmpty)
        #expect(WordHashMap<Int>()[0] == nil)
    }

    @Test func mapEmptiedForReuseForgetsEveryKey() {
        var map = WordHashMap<Int>()
        for key in 1 ... 5000 as ClosedRange<UInt64> { map.insertIfAbsent(key << 8, Int(key)) }
        map.removeAll(reservingCapacity: 10)
        #expect(map.isEmpty && map[1 << 8] == nil)
        for key in 1 ... 100 as ClosedRange<UInt64> { map.insertIfAbsent(key << 9, Int(key)) }  // grows past the reservation
        var pairs: [UInt64: Int] = [:]
        map.forEach { pairs[$0] = $1 }
        #expect(pairs == Dictionary(uniqueKeysWithValues: (1 ... 100 as ClosedRange<UInt64>).map { ($0 << 9, Int($0)) }))
        #expect(map[5000 << 8] == nil)
    }
}
