import Foundation

/// The CPU time (user + system) of the calling thread, to tell how a run's
/// work divides between the calling thread (reading, writing) and the workers.
public enum ThreadCPUClock {
    /// CPU seconds the calling thread has used since it started (0 if the clock is unavailable).
    public static func seconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
