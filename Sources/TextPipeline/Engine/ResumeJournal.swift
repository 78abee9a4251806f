import Foundation

/// The resume sidecar of a run with `--output`: a header line naming what
/// produced the output (the CLI's resume ledger), then one checkpoint line per
/// output flush, `{"records":N,"digest":"…"}`: N input records are done and
/// ``RecordDigest`` of them.
///
/// A checkpoint is appended *before* the output lines it covers are written,
/// so every complete line of the output is covered by a checkpoint at or after
/// it, and a resume can prove that the first N records of the input are still
/// those the output was made from. The sidecar grows by about 50 bytes per
/// flush (at most one per 64 KB of output or per second). It is written in
/// place, through a symbolic link if there is one, never replaced by rename.
public final class ResumeJournal {
    private let descriptor: Int32
    /// The sidecar's path.
    public let path: String
    /// Input records absorbed so far (including those of the run being resumed).
    public private(set) var records: Int
    /// ``RecordDigest`` of those records.
    public private(set) var digest: UInt64
    private var checkpointedRecords: Int

    /// Creates or truncates the sidecar at `path` and writes `header` and a first checkpoint.
    /// - Throws: ``OutputError`` when the sidecar cannot be written.
    public init(path: String, header: [UInt8], records: Int = 0, digest: UInt64 = RecordDigest.empty) throws(OutputError) {
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw OutputError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        descriptor = opened
        self.path = path
        self.records = records
        self.digest = digest
        checkpointedRecords = records
        try append(header + Self.checkpointLine(records: records, digest: digest))
    }

    deinit { close(descriptor) }

    /// Adds the next input record's digest, in input order, before its output line is queued.
    public func absorb(_ recordDigest: UInt64) {
        records += 1
        digest = RecordDigest.combine(digest, recordDigest)
    }

    /// Appends a checkpoint for the records absorbed so far, unless there is one already.
    /// Call before writing their output lines.
    public func checkpoint() throws(OutputError) {
        guard records != checkpointedRecords else { return }
        try append(Self.checkpointLine(records: records, digest: digest))
        checkpointedRecords = records
    }

    static func checkpointLine(records: Int, digest: UInt64) -> [UInt8] {
        Array("{\"records\":\(records),\"digest\":\"\(hex(digest))\"}\n".utf8)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private func append(_ bytes: [UInt8]) throws(OutputError) {
        if let failure = FileDescriptorWrites.writeAll(descriptor, bytes) {
            throw OutputError(message: "cannot write \(path): \(FileDescriptorWrites.reason(failure))")
        }
    }
}
