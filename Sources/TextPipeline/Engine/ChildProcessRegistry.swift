public import Foundation

/// The child processes a run started (external stages), so that stopping
/// the run early (SIGTERM, SIGINT) can end them instead of leaving them running.
///
/// A stage registers a child right after starting it and unregisters it
/// before reaping it (`waitpid`), so a process id is never signalled after
/// the system may have reused it.
public enum ChildProcessRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<pid_t> = []

    /// Call right after starting the child `pid`, before anything can stop the run.
    public static func register(_ pid: pid_t) {
        lock.withLock { _ = live.insert(pid) }
    }

    /// Call before reaping `pid`.
    public static func unregister(_ pid: pid_t) {
        lock.withLock { _ = live.remove(pid) }
    }

    /// The children started and not yet reaped.
    public static var running: Set<pid_t> { lock.withLock { live } }

    /// Sends SIGTERM to every registered child, waits up to `grace` for them
    /// to exit, then sends SIGKILL to the rest. Holds the registry's lock
    /// throughout, so no child is reaped (and its id reused) meanwhile.
    /// - Returns: how many children were signalled.
    @discardableResult
    public static func terminateAll(grace: Duration = .seconds(2)) -> Int {
        lock.lock()
        defer { lock.unlock() }
        var remaining = live
        for pid in remaining { kill(pid, SIGTERM) }
        let clock = ContinuousClock()
        let until = clock.now + grace
        while !remaining.isEmpty, clock.now < until {
            var status: Int32 = 0
            // Reaped here: an exited child's stage then sees ECHILD and does not signal it again.
            remaining = remaining.filter { waitpid($0, &status, WNOHANG) == 0 }
            if !remaining.isEmpty { usleep(10_000) }
        }
        for pid in remaining { kill(pid, SIGKILL) }
        let count = live.count
        live.removeAll()
        return count
    }
}
