import Foundation
import Testing

@testable import TextPipelineCLI

/// Input sizes recorded in the resume sidecar and the progress total are `lstat`'s, as
/// `FileManager.attributesOfItem` gave them: a sidecar written before must still match.
@Suite struct FileSizeTests {
    @Test func sizesAreThoseOfTheAttributeDictionary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.jsonl").path
        try String(repeating: "x", count: 1234).write(toFile: file, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        for path in [file, link, folder.path] {
            #expect(lstatSize(path) == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int), "\(path)")
        }
        #expect(lstatSize(file) == 1234)
        #expect(lstatSize(link) != 1234)
        #expect(lstatSize(folder.appendingPathComponent("missing").path) == nil)
    }
}
