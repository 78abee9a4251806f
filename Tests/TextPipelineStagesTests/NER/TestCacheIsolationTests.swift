import Foundation
import TestSupport
import Testing

@testable import TextPipelineStages

/// Tests never read or write the user's gazetteer cache: the test process points
/// `TEXTPIPE_CACHE` at a temporary folder before any test runs.
@Suite struct TestCacheIsolationTests {
    @Test func defaultCacheFolderIsTheTemporaryOne() throws {
        let folder = try #require(TestCache.folder)
        #expect(ProcessInfo.processInfo.environment["TEXTPIPE_CACHE"] == folder)
        #expect(GazetteerStore.defaultCacheFolder == folder)
        #expect(folder.contains("textpipe-test-cache-"))
        #expect(!folder.hasPrefix(NSHomeDirectory() + "/"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
    }
}
