import Foundation
import TestSupport
import Testing

/// `textpipe run` over records longer than any limit: memory stays flat.
@Suite struct BoundedMemoryCLITests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    /// Runs `arguments` for `seconds`, then returns its peak memory and kills it.
    func peakMemory(_ arguments: [String], stdin: FileHandle? = nil, seconds: UInt32 = 3) throws -> Int? {
        let process = try CLIProcess.start(arguments, stdin: stdin)
        sleep(seconds)
        let peak = CLIProcess.peakResidentBytes(of: process.processIdentifier)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return peak
    }

    /// Before the reader bounded lines, this grew by about 100–250 MB a second until killed.
    @Test func anEndlessLineRunsInFlatMemory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { print("skipped: no /proc"); return }
        let peak = try #require(try peakMemory(["run", "/dev/zero", "--max-article-bytes", "1000", "-o", "/dev/null"] + pipeline))
        #expect(peak < 150_000_000, "peak RSS \(peak) bytes")
    }

    @Test func anEndlessTextOnStdinRunsInFlatMemory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { print("skipped: no /proc"); return }
        let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
        let peak = try #require(try peakMemory(["run", "--format", "text", "--max-article-bytes", "1000", "-o", "/dev/null"] + pipeline, stdin: zero))
        #expect(peak < 150_000_000, "peak RSS \(peak) bytes")
    }
}
