import Foundation
import TestSupport
import Testing

/// An input that breaks partway (a truncated archive, an unreadable file)
/// stops the run with status 1 and a message naming it, after every complete
/// record before the break has been written.
@Suite struct InputFailureTests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Records of varied words, so that they compress about as news does.
    func corpus(_ count: Int, prefix: String) -> String {
        let words = ["minister", "said", "Tuesday", "market", "rose", "talks", "Seoul", "agency", "reported", "officials", "the", "of"]
        var state: UInt64 = 42
        var lines = ""
        for index in 0 ..< count {
            var text = ""
            for _ in 0 ..< 60 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += words[Int(state >> 33) % words.count] + (state >> 60 == 0 ? ". " : " ")
            }
            lines += #"{"id":"\#(prefix)\#(index)","text":"\#(text)"}"# + "\n"
        }
        return lines
    }

    func shell(_ command: String) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func ids(_ lines: [String]) -> [String] {
        lines.map { ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["id"] as? String ?? "?" }
    }

    /// Before the fix: status 0, and the record cut by the truncation became a fake `invalid_json`.
    @Test func truncatedArchiveWritesItsCompleteRecordsThenFails() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("t.jsonl").path
        let archive = folder.appendingPathComponent("t.jsonl.gz").path
        try corpus(300, prefix: "r").write(toFile: plain, atomically: true, encoding: .utf8)
        let size = Int(try shell("gzip -c -n '\(plain)' | wc -c").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(size > 1000)
        _ = try shell("gzip -c -n '\(plain)' | head -c \(size / 2) > '\(archive)'")
        // What survives the cut, as gzip itself decompresses it: complete lines only.
        let survivingLines = Int(try shell("gzip -dc '\(archive)' 2>/dev/null | wc -l").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(survivingLines > 10 && survivingLines < 300)

        let result = try CLIHarness.run(["run", archive, "--workers", "2"] + pipeline)
        #expect(result.status == 1)
        #expect(result.stderr.contains(archive), "\(result.stderr)")
        #expect(result.stderr.contains("truncated"), "\(result.stderr)")
        #expect(!result.stdout.contains(#""error""#), "a cut record was written as an error record")
        #expect(ids(result.lines) == (0 ..< survivingLines).map { "r\($0)" })
    }

    /// Before the fix: status 1 and no line at all, though the first file was finished.
    @Test func unreadableFileInAFolderKeepsTheRecordsBeforeIt() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try corpus(100, prefix: "a").write(toFile: folder.appendingPathComponent("a.jsonl").path, atomically: true, encoding: .utf8)
        // Opens, then fails to read (EIO), for root too: the process's own memory at address 0.
        let broken = folder.appendingPathComponent("b.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "/proc/self/mem")
        try corpus(5, prefix: "c").write(toFile: folder.appendingPathComponent("c.jsonl").path, atomically: true, encoding: .utf8)

        let result = try CLIHarness.run(["run", folder.path, "--workers", "2"] + pipeline)
        #expect(result.status == 1)
        #expect(result.stderr.contains(broken), "\(result.stderr)")
        #expect(ids(result.lines) == (0 ..< 100).map { "a\($0)" })
    }

    @Test func truncatedArchiveInAFolderKeepsEarlierFilesAndItsCompleteRecords() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try corpus(70, prefix: "a").write(toFile: folder.appendingPathComponent("a.jsonl").path, atomically: true, encoding: .utf8)
        let plain = folder.appendingPathComponent("b.data").path
        let archive = folder.appendingPathComponent("b.jsonl.gz").path
        try corpus(200, prefix: "b").write(toFile: plain, atomically: true, encoding: .utf8)
        let size = Int(try shell("gzip -c -n '\(plain)' | wc -c").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        _ = try shell("gzip -c -n '\(plain)' | head -c \(size / 2) > '\(archive)'")
        let survivingLines = Int(try shell("gzip -dc '\(archive)' 2>/dev/null | wc -l").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(survivingLines > 10 && survivingLines < 200)
        try corpus(5, prefix: "c").write(toFile: folder.appendingPathComponent("c.jsonl").path, atomically: true, encoding: .utf8)

        let result = try CLIHarness.run(["run", folder.path] + pipeline)
        #expect(result.status == 1)
        #expect(result.stderr.contains(archive), "\(result.stderr)")
        #expect(ids(result.lines) == (0 ..< 70).map { "a\($0)" } + (0 ..< survivingLines).map { "b\($0)" })
    }

    @Test func unreadableFileKeepsTheRecordsBeforeItInTheOutputFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try corpus(100, prefix: "a").write(toFile: folder.appendingPathComponent("a.jsonl").path, atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("b.jsonl").path
        let output = folder.appendingPathComponent("out.result").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "/proc/self/mem")
        let failed = try CLIHarness.run(["run", folder.path, "-o", output] + pipeline)
        #expect(failed.status == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 100)
    }
}
