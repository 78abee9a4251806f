/// Told how a ``StreamRun`` is going, so that a front end can show progress.
///
/// `textpipe run` draws its progress line on stderr through one of these; an
/// embedding application can log or publish the same figures. Both methods are
/// called on the thread that writes the output, in order, never concurrently.
public protocol RunProgressObserver: AnyObject {
    /// Called at each engine tick (several times a second) with the totals so far:
    /// records written, error records among them, and input bytes they came from.
    /// Keep it cheap: the writer waits for it.
    func update(articles: Int, errors: Int, bytes: Int)

    /// Called once after the run's output is flushed, when the run completes or is
    /// interrupted (``RunInterrupted``); not when it stops on another error.
    func finish()
}
