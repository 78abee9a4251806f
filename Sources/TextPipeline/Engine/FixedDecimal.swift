/// `String(format: "%.Nf", value)` (N = 0 ... 3) for finite values of magnitude below 2^53, from
/// the double's exact binary value: the run summary's figures without Foundation's formatter
/// (its `CVarArg` boxing and dynamic casts cost about 1 M instructions once per process).
///
/// `value = m · 2^e` exactly, so `value · 10^N` is `m · 10^N` shifted by `e` bits; it is
/// rounded to an integer half to even, as the C library rounds, and written with N decimals.
enum FixedDecimal {
    /// The text, or nil for values it does not handle (the caller formats those with Foundation).
    static func text(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, value.magnitude < 0x1p53, (0 ... 3).contains(decimals) else { return nil }
        var scale: UInt64 = 1
        for _ in 0 ..< decimals { scale *= 10 }
        let magnitude = value.magnitude
        let biased = Int(magnitude.exponentBitPattern)
        let significand = biased == 0 ? magnitude.significandBitPattern : magnitude.significandBitPattern | 1 << 52
        let exponent = (biased == 0 ? 1 : biased) - 1075
        var scaled: UInt64
        if exponent >= 0 {
            scaled = (significand << UInt64(exponent)) * scale
        } else {
            // Below 2^63: a 53-bit significand times at most 1000.
            let product = significand * scale
            let shift = -exponent
            if shift >= 64 {
                scaled = 0
            } else {
                scaled = product >> UInt64(shift)
                let remainder = product & ((1 << UInt64(shift)) - 1)
                let half: UInt64 = 1 << UInt64(shift - 1)
                if remainder > half || (remainder == half && scaled & 1 == 1) { scaled += 1 }
            }
        }
        var digits = String(scaled)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return value.sign == .minus ? "-" + digits : digits
    }
}
