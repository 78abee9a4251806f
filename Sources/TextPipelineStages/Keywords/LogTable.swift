import Foundation

/// Natural logarithms of small positive integers, computed once per worker.
final class LogTable {
    private static let size = 1024
    private let values: UnsafeMutablePointer<Double>

    init() {
        values = .allocate(capacity: Self.size)
        for n in 0 ..< Self.size { (values + n).initialize(to: n == 0 ? -.infinity : Foundation.log(Double(n))) }
    }

    deinit { values.deallocate() }

    /// `ln(n)` for `n >= 1`.
    @inline(__always)
    func log(_ n: Int) -> Double { n < Self.size ? values[n] : Foundation.log(Double(n)) }
}
