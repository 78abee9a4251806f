import Testing

@testable import TextPipelineStages

/// The rules' word-hash table against the standard library's dictionary.
@Suite struct WordHashTablesTests {
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
        map.insertIfAbsent(5, 7)  // absent: added
        reference[5] = 7
        #expect(map.count == reference.count)
        var pairs: [UInt64: Int] = [:]
        map.forEach { pairs[$0] = $1 }
        #expect(pairs.count == reference.count && pairs == reference)
        #expect(map[3 << 8] == 6)
        #expect(map[4 << 8] == nil)
        #expect(WordHashMap<Int>().isEmpty)
        #expect(WordHashMap<Int>()[0] == nil)
        var zero = WordHashMap<Int>()
        zero.insertIfAbsent(0, 1)  // 0 is an ordinary key
        #expect(zero[0] == 1 && zero[1] == nil && zero.count == 1)
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
        // 256 << 8 sat in slot 3 of the large table (after 64, 128 and 192 << 8, which share its
        // home slot 0), inside the part kept in use, and is none of the new keys: it must be gone.
        #expect(map[256 << 8] == nil)
    }

    /// The filter never says no to a hash it holds; with 4,096 bits, a few hashes leave most others out.
    @Test func filterHoldsWhatWasInsertedUntilEmptied() {
        var filter = WordHashFilter()
        #expect(![0, 7, 4095].contains { filter.mayContain($0) })  // a new filter holds nothing
        filter.removeAll()
        #expect(!filter.mayContain(0))
        let inserted: [UInt64] = [0, 7, 4095, 0x9E37_79B9_7F4A_7C15, 1 << 40]
        for hash in inserted { filter.insert(hash) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
        #expect(filter.mayContain(4096 + 7))  // same low twelve bits as 7: maybe present
        #expect(!filter.mayContain(8) && !filter.mayContain(4094) && !filter.mayContain(1))
        filter.removeAll()
        #expect(!inserted.contains { filter.mayContain($0) })
    }
}
