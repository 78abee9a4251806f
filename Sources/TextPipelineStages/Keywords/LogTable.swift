import Foundation

/// Natural logarithms of small positive integers, computed once per worker.
final class LogTable {
    private let values: [Double] = (0 ..< 1024).map { $0 == 0 ? -.infinity : Foundation.log(Double($0)) }

    /// `ln(n)` for `n >= 1`.
    @inline(__always)
    func log(_ n: Int) -> Double { n < values.count ? values[n] : Foundation.log(Double(n)) }
}
