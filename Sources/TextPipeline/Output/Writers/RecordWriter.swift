/// Receives encoded records in input order, on the engine's calling thread,
/// and puts them where they belong: one stream, or files in a folder.
public protocol RecordWriter: AnyObject {
    /// Writes (or queues) one record.
    /// - Throws: ``OutputError`` when the output cannot be written.
    func write(_ record: EncodedRecord) throws(OutputError)

    /// Called now and then while the run goes on: write what is queued if it has waited long.
    func flushIfDue() throws(OutputError)

    /// Called once after the last record: write everything left (an index page, a buffer).
    func finish() throws(OutputError)
}

/// Writes every record's bytes, back to back, to one ``OutputSink``, keeping
/// its resume journal (if any) in step: each record's digest is absorbed as it
/// is written, and a checkpoint is appended before each flush of the sink.
public final class StreamRecordWriter: RecordWriter {
    /// Where the records go.
    public let sink: OutputSink
    /// The resume journal kept in step with the sink, if the run has one.
    public let journal: ResumeJournal?

    /// A writer to `sink`, checkpointing into `journal` before each flush when there is one.
    public init(sink: OutputSink, journal: ResumeJournal? = nil) {
        self.sink = sink
        self.journal = journal
        if let journal { sink.beforeFlush = { () throws(OutputError) in try journal.checkpoint() } }
    }

    public func write(_ record: EncodedRecord) throws(OutputError) {
        journal?.absorb(record.inputDigest)
        try sink.write(record.bytes)
    }
    public func flushIfDue() throws(OutputError) { try sink.flushIfDue() }
    public func finish() throws(OutputError) { try sink.flush() }
}
