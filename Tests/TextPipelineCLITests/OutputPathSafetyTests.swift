import Foundation
import TestSupport
import Testing

/// Where `textpipe run` writes: never over its own input, never by renaming
/// over a symlink, a device or a pipe, and a resume sidecar only beside a
/// regular output file.
@Suite struct OutputPathSafetyTests {
    let pipeline = ["--pipeline", "Tests/TextPipelineCLITests/Fixtures/tokens-sentences.yaml"]

    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func corpus(_ count: Int, prefix: String = "a") -> String {
        (0 ..< count).map { #"{"id":"\#(prefix)\#($0)","text":"Article \#($0) says hello. Then bye."}"# + "\n" }.joined()
    }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Runs textpipe, killing it after `seconds`: a run that loops on its own output must fail, not hang.
    func run(_ arguments: [String], seconds: Double) throws -> (status: Int32, killed: Bool, stderr: String) {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("tp-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = CLIHarness.productsFolder.appendingPathComponent("textpipe")
        process.arguments = arguments
        process.currentDirectoryURL = CLIHarness.repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, killed, String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    // MARK: Output among the inputs (defect 1)

    @Test func outputNamingAnInputFileIsRefusedBeforeWriting() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl").path
        try corpus(3).write(toFile: input, atomically: true, encoding: .utf8)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.jsonl").path, withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: folder.appendingPathComponent("hard.jsonl").path)
        // The same file by its name, another spelling, a symlink and a hard link.
        for output in [input, folder.path + "/./in.jsonl", folder.appendingPathComponent("link.jsonl").path, folder.appendingPathComponent("hard.jsonl").path] {
            let result = try CLIHarness.run(["run", input, "-o", output] + pipeline)
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("is also an input"), "\(output): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original, "\(output)")
            #expect(!FileManager.default.fileExists(atPath: output + ".textpipe-resume"), "\(output)")
        }
        let resumed = try CLIHarness.run(["run", input, "-o", input, "--resume"] + pipeline)
        #expect(resumed.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
    }

    @Test func metricsNamingAnInputOrTheOutputIsRefused() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl").path
        let output = folder.appendingPathComponent("out.jsonl").path
        try corpus(2).write(toFile: input, atomically: true, encoding: .utf8)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let onInput = try CLIHarness.run(["run", input, "--metrics", input] + pipeline)
        #expect(onInput.status == 2)
        #expect(onInput.stderr.contains("is also an input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
        let onOutput = try CLIHarness.run(["run", input, "-o", output, "--metrics", output] + pipeline)
        #expect(onOutput.status == 2)
        #expect(onOutput.stderr.contains("is also the output"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// An output left in an input folder by an earlier run is not read back:
    /// before the fix the run read its own output, looped and filled the disk.
    @Test func outputInsideAnInputFolderIsLeftOutOfTheInputs() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try corpus(2000).write(toFile: folder.appendingPathComponent("a.jsonl").path, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("z-out.jsonl").path
        try "earlier output\n".write(toFile: output, atomically: true, encoding: .utf8)
        let result = try run(["run", folder.path, "-o", output, "--workers", "2"] + pipeline, seconds: 30)
        #expect(!result.killed, "the run did not end: it reads its own output")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("leaving out \(output)"), "\(result.stderr)")
        #expect(result.stderr.contains("2000 articles, 0 errors"), "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        #expect(lines.last?.hasPrefix(#"{"id":"a1999","#) == true)
    }

    // MARK: Metrics and sidecar written in place (defect 3)

    @Test func metricsAreWrittenThroughASymlink() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.json").path
        let link = folder.appendingPathComponent("metrics.json").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try CLIHarness.run(["run", "--metrics", link] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(result.status == 0)
        #expect(fileType(link) == S_IFLNK, "the symlink was replaced")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))) as? [String: Any]
        #expect(object?["articles"] as? Int == 2)
    }

    @Test func metricsToAPipeGoThroughThePipe() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("metrics.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try CLIHarness.run(["run", "--metrics", fifo] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(fifo) == S_IFIFO, "the pipe was replaced by a regular file")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &buffer, buffer.count)
        let object = count > 0 ? try JSONSerialization.jsonObject(with: Data(buffer[0 ..< count])) as? [String: Any] : nil
        #expect(object?["articles"] as? Int == 2)
    }

    /// A private device node like /dev/full (needs root; skipped otherwise).
    @Test func metricsToAFullDeviceFailWithStatusOneAndKeepTheDevice() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = folder.appendingPathComponent("full").path
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0 else {
            print("skipped: cannot create a device node (\(String(cString: strerror(errno))))")
            return
        }
        let result = try CLIHarness.run(["run", "--metrics", device] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("--metrics: cannot write \(device): No space left on device"), "\(result.stderr)")
        #expect(fileType(device) == S_IFCHR, "the device node was replaced")
    }

    @Test func outputToAPipeHasNoSidecarAndCannotBeResumed() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let result = try CLIHarness.run(["run", "-o", fifo] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fifo + ".textpipe-resume"))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && buffer[0 ..< count].filter { $0 == 0x0A }.count == 2)
        let resumed = try CLIHarness.run(["run", "-o", fifo, "--resume"] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(resumed.status == 2)
        #expect(resumed.stderr.contains("--resume needs a regular output file"), "\(resumed.stderr)")
    }

    @Test func sidecarIsWrittenThroughASymlink() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.jsonl").path
        let target = folder.appendingPathComponent("kept-sidecar").path
        try "".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: output + ".textpipe-resume", withDestinationPath: target)
        let result = try CLIHarness.run(["run", "-o", output] + pipeline, stdin: Data(corpus(2).utf8))
        #expect(result.status == 0)
        #expect(fileType(output + ".textpipe-resume") == S_IFLNK, "the symlink was replaced")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("pipeline_hash"))
    }
}
