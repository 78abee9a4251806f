/// The shortest decimal that reads back as a given `Double` in [0.001, 1) (keyword scores), found
/// with one 64 × 64-bit multiplication and 64-bit steps: the digits `Double.description` writes,
/// without its general-purpose formatter (about 370 instructions a number).
///
/// For `v = m · 2^-K` (53-bit `m`, `53 ≤ K ≤ 62`) and `t` the place of its 17th significant digit
/// after the point, `X = m · 10^t` is exact in 128 bits and `q = ⌊X / 2^K⌋` holds 17 digits. A
/// candidate of `17 − j` digits is `q` rounded to a multiple of `10^j`, `c`; it reads back as `v`
/// when `|c · 2^K − X| ≤ 10^t / 2` (strictly less when `m` is odd: a tie rounds to even), the same
/// bound for every `j`. The nearest candidate of a length reads back whenever any of that length
/// does, and if `n` digits read back so do `n + 1`: the search drops one digit at a time and stops
/// at the first length that fails. The nearest shortest candidate is what `description` writes.
///
/// Not handled (nil: the caller writes `description`): values outside [0.001, 1), a significand
/// of exactly 2^52 (its lower neighbour is nearer than its upper one), a value exactly halfway
/// between two candidates, and a rounding up to the next power of ten.
enum ShortestDecimal {
    /// The significant digits of `value` as an integer `d` and the number of zeros between the
    /// point and them, so that `value` is written `0.` + `leadingZeros` zeros + `d` (`count`
    /// digits); nil when not handled.
    static func digits(of value: Double) -> (digits: UInt64, count: Int, leadingZeros: Int)? {
        guard value >= 0.001, value < 1 else { return nil }
        // The first significant digit's place: v lies in [10^-p, 10^(1-p)). The doubles nearest
        // 0.1 and 0.01 lie above 1/10 and 1/100, so comparing with them is exact.
        let leadingZeros = value >= 0.1 ? 0 : value >= 0.01 ? 1 : 2
        let fraction = value.significandBitPattern
        guard fraction != 0 else { return nil }
        let significand = fraction | (1 << 52)
        let shift = UInt64(1075 - Int(value.exponentBitPattern))
        let scale: UInt64 =
            leadingZeros == 0 ? 100_000_000_000_000_000 : leadingZeros == 1 ? 1_000_000_000_000_000_000 : 10_000_000_000_000_000_000
        let (high, low) = significand.multipliedFullWidth(by: scale)
        let quotient = high &<< (64 &- shift) | low &>> shift
        let remainder = low & ((1 &<< shift) &- 1)
        let half = scale / 2
        let tiesReadBack = significand & 1 == 0
        // Distances are in units of 2^-K of the 17th digit; a candidate reads back within scale / 2
        // (below 2^63), so one whose distance would not fit in 64 bits cannot.
        let largest: UInt64 = 1 &<< (63 &- shift)
        var best: UInt64 = 0
        var count = 18
        var power: UInt64 = 1
        var rounded = quotient
        var limit: UInt64 = 1_000_000_000_000_000_000
        while count > 1 {
            // `rounded` is q without its last j digits (j = 0 first), `dropped` those digits.
            let dropped = quotient &- rounded &* power
            let gap = power &- dropped
            let down = dropped < largest ? dropped &<< shift &+ remainder : UInt64.max
            let up = gap <= largest ? gap &<< shift &- remainder : UInt64.max
            if down == up {
                if down == UInt64.max { break }
                return nil
            }
            let (distance, candidate) = down < up ? (down, rounded) : (up, rounded &+ 1)
            guard tiesReadBack ? distance <= half : distance < half else { break }
            (best, count, limit) = (candidate, count - 1, limit / 10)
            if count == 1 { break }
            power &*= 10
            rounded /= 10
        }
        guard count <= 17, best < limit else { return nil }
        return (best, count, leadingZeros)
    }
}

extension ByteWriter {
    /// Writes `value` as `0.` followed by its shortest digits when ``ShortestDecimal`` handles it;
    /// returns false, having written nothing, when it does not.
    mutating func shortestDecimal(_ value: Double) -> Bool {
        guard let (digits, count, leadingZeros) = ShortestDecimal.digits(of: value) else { return false }
        let start = room(2 + leadingZeros + count)
        start[0] = UInt8(ascii: "0")
        start[1] = UInt8(ascii: ".")
        for index in 0 ..< leadingZeros { start[2 + index] = UInt8(ascii: "0") }
        // The digits from the end, eight at a time in 32-bit arithmetic, two per step.
        var rest = digits
        var index = 2 + leadingZeros + count
        let pairs = Self.digitPairs.utf8Start
        while rest >= 100_000_000 {
            let quotient = rest / 100_000_000
            var block = UInt32(truncatingIfNeeded: rest &- quotient &* 100_000_000)
            for _ in 0 ..< 4 {
                let next = block / 100
                let pair = Int(block &- next &* 100) &* 2
                index -= 2
                start[index] = pairs[pair]
                start[index + 1] = pairs[pair + 1]
                block = next
            }
            rest = quotient
        }
        var block = UInt32(truncatingIfNeeded: rest)
        while block >= 100 {
            let next = block / 100
            let pair = Int(block &- next &* 100) &* 2
            index -= 2
            start[index] = pairs[pair]
            start[index + 1] = pairs[pair + 1]
            block = next
        }
        if block >= 10 {
            let pair = Int(block) &* 2
            start[index - 2] = pairs[pair]
            start[index - 1] = pairs[pair + 1]
        } else {
            start[index - 1] = UInt8(truncatingIfNeeded: 0x30 &+ block)
        }
        return true
    }
}
