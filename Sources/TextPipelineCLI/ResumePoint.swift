import Foundation
package import TextPipeline

/// Where a resumed run continues: the first ``records`` lines of OUT stay,
/// and those records of the input must be the ones OUT was made from.
package struct ResumePoint: Sendable, Equatable {
    /// The output being resumed.
    package let output: String
    /// Input records already done: OUT keeps this many lines.
    package let records: Int
    /// ``RecordDigest`` of those records, as the sidecar recorded it.
    package let digest: UInt64
    /// OUT's size after those lines.
    package let keptBytes: Int
    /// OUT's complete lines before the resume (more than ``records`` when a flush was cut short).
    package let completeLines: Int

    /// Reads the first ``records`` records of `reader`, proving they are those OUT was made from.
    /// Leaves the reader at the first record to analyse. Changes no file.
    /// - Throws: ``ResumeMismatch`` when the input has fewer records or they differ;
    ///   ``InputError`` when the input cannot be read.
    package func verify(skipping reader: inout ArticleReader) throws {
        var digest = RecordDigest.empty
        var read = 0
        while read < records, let record = try reader.nextRaw() {
            digest = RecordDigest.combine(digest, record.digest)
            read += 1
        }
        if read < records {
            throw ResumeMismatch(
                message:
                    "cannot resume \(output): it holds the output of \(records) records, but the inputs have only \(read); run without --resume to start again")
        }
        if digest != self.digest {
            throw ResumeMismatch(
                message:
                    "cannot resume \(output): the first \(records) input records are not those it was made from (the inputs changed); run without --resume to start again"
            )
        }
    }

    /// Cuts OUT to the lines being kept (dropping a partial last line and the lines of a flush cut short).
    /// - Throws: ``OutputError``.
    package func truncateOutput() throws {
        guard truncate(output, off_t(keptBytes)) == 0 else {
            throw OutputError(message: "cannot truncate \(output): \(String(cString: strerror(errno)))")
        }
    }
}
