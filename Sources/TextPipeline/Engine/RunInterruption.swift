import Synchronization

/// A request to stop a run early, such as SIGTERM or SIGINT: set from any
/// thread, checked by ``StreamRun`` before each output line and at every
/// engine tick (at least every ``StreamEngine/Configuration/pollInterval``).
///
/// A stopped run has written only complete lines, each the final result of
/// its record, and has flushed them, so `--resume` continues it.
public final class RunInterruption: Sendable {
    private let signalNumber = Atomic<Int32>(0)

    /// A request not yet made: ``check()`` passes until ``request(signal:)`` is called.
    public init() {}

    /// Asks the run to stop; the first request's signal is kept.
    public func request(signal: Int32) {
        _ = signalNumber.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
    }

    /// The signal that asked the run to stop, or nil.
    public var requestedSignal: Int32? {
        let value = signalNumber.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Throws ``RunInterrupted`` once a stop was requested.
    public func check() throws(RunInterrupted) {
        if let signal = requestedSignal { throw RunInterrupted(signal: signal) }
    }
}

/// A run stopped by a ``RunInterruption``.
public struct RunInterrupted: Error, Sendable, CustomStringConvertible {
    /// The signal number that asked for the stop (SIGTERM is 15, SIGINT 2).
    public let signal: Int32
    /// The error for a stop asked for by `signal`.
    public init(signal: Int32) { self.signal = signal }
    public var description: String { "interrupted by signal \(signal)" }
}
