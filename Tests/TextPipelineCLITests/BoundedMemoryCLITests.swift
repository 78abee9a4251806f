import Foundation
import TestSupport
import Testing

/// `textpipe run` over records longer than any limit: memory stays flat.
@Suite struct BoundedMemoryCLITests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    /// Runs `arguments` until the process has read `bytes` bytes (or `timeout` passes),
    /// then returns its peak memory and what it read, and kills it. Waiting for bytes read,
    /// not for a time, keeps the test as strict on a slow, loaded machine as on a fast one.
    func peakMemory(
        _ arguments: [String], stdin: FileHandle? = nil, afterReading bytes: Int = 300_000_000,
        timeout: TimeInterval = 120
    ) throws -> (peak: Int?, read: Int) {
        let process = try CLIProcess.start(arguments, stdin: stdin)
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(timeout)
        var read = 0
        while Date() < deadline, process.isRunning {
            read = CLIProcess.bytesRead(by: process.processIdentifier) ?? 0
            if read >= bytes { break }
            usleep(50_000)
        }
        return (CLIProcess.peakResidentBytes(of: process.processIdentifier), read)
    }

    /// Before the reader bounded lines, this grew by about 100–250 MB a second until killed.
    @Test func anEndlessLineRunsInFlatMemory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { print("skipped: no /proc"); return }
        let (peak, read) = try peakMemory(["run", "/dev/zero", "--max-article-bytes", "1000", "-o", "/dev/null"] + pipeline)
        #expect(read >= 300_000_000, "only \(read) bytes read in two minutes")
        #expect(try #require(peak) < Self.peakBound, "peak RSS \(peak ?? 0) bytes after reading \(read) bytes")
    }

    /// The flat-memory bound: 150 MB, plus AddressSanitizer's quarantine (256 MB by
    /// default) and shadow under `scripts/check-sanitizers`. Unbounded reading of the
    /// 300 MB or more these tests feed stays far above either.
    static var peakBound: Int { CLIHarness.underAddressSanitizer ? 450_000_000 : 150_000_000 }

    @Test func anEndlessTextOnStdinRunsInFlatMemory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { print("skipped: no /proc"); return }
        let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
        let (peak, read) = try peakMemory(["run", "--format", "text", "--max-article-bytes", "1000", "-o", "/dev/null"] + pipeline, stdin: zero)
        #expect(read >= 300_000_000, "only \(read) bytes read in two minutes")
        #expect(try #require(peak) < Self.peakBound, "peak RSS \(peak ?? 0) bytes after reading \(read) bytes")
    }
}
