import Foundation
import TextPipeline

/// Turns SIGTERM and SIGINT into a clean stop instead of an abrupt end that
/// leaves external stages' processes running.
///
/// ``start()`` blocks both signals in the main thread before any other thread
/// exists (threads inherit the mask) and waits for them on a thread of its own:
/// - during `textpipe run` (after ``attach(_:)``), the run is asked to stop:
///   it writes no further line, flushes the complete lines it has, then ends
///   the child processes and exits with status 128 + the signal's number.
///   A second signal, or a run that has not stopped 3 seconds later (one
///   blocked reading its input, say), ends the process at once (children
///   are killed first);
/// - otherwise the children are ended and the process exits at once.
enum SignalWatcher {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var interruption: RunInterruption?

    /// Call first thing in `main`.
    static func start() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let thread = Thread { watch() }
        thread.name = "textpipe-signals"
        thread.start()
    }

    /// The run to stop on a signal, or nil when none is running.
    static func attach(_ run: RunInterruption?) {
        lock.withLock { interruption = run }
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }

    private static func watch() {
        var set = signalSet()
        var received: Int32 = 0
        guard sigwait(&set, &received) == 0 else { return }
        if let run = lock.withLock({ interruption }) {
            run.request(signal: received)
            var patience = timespec(tv_sec: 3, tv_nsec: 0)
            while true {
                let again = sigtimedwait(&set, nil, &patience)
                if again >= 0 || errno != EINTR { break }
            }
        }
        ChildProcessRegistry.terminateAll(grace: .milliseconds(500))
        _exit(128 + received)
    }
}
