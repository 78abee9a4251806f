import Foundation
import TextPipeline

/// Loads compiled gazetteers once per process and shares them between pipelines and workers.
///
/// TSV sources are compiled into a cache folder, in a file named by the
/// checksum of their bytes and the format version, so later starts only map
/// that file. The checksum is recorded there with a stamp of the sources
/// (`stat`: device, inode, size, modification and status-change times), so
/// later starts read the sources again only when a stamp changed. Compiled
/// `.tpg` files are mapped as they are.
public final class GazetteerStore: @unchecked Sendable {
    /// The process's store, used by the built-in stage and the `textpipe gazetteer` command.
    public static let shared = GazetteerStore()
    private let lock = NSLock()
    private var loaded: [String: CompiledGazetteer] = [:]

    /// The cache folder: `$TEXTPIPE_CACHE`, else `$XDG_CACHE_HOME/textpipe`, else `~/.cache/textpipe`.
    public static var defaultCacheFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["TEXTPIPE_CACHE"], !folder.isEmpty { return folder }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty { return folder + "/textpipe" }
        return NSHomeDirectory() + "/.cache/textpipe"
    }

    /// The compiled gazetteer at `path`, mapped once per process.
    public func compiled(path: String) throws -> CompiledGazetteer {
        try lock.withLock {
            if let gazetteer = loaded[path] { return gazetteer }
            let gazetteer = try CompiledGazetteer(path: path)
            loaded[path] = gazetteer
            return gazetteer
        }
    }

    /// One gazetteer compiled from TSV `sources` (in order): from the gazetteers compiled at
    /// install time (`ShippedData.compiledGazetteersFolder`) or the cache when either holds
    /// them, else compiled into the cache, with a `LoadNotice` saying so.
    /// - Throws: ``GazetteerSourceError`` for bad sources, ``GazetteerFileError`` when the cache cannot be written.
    public func compiled(sources: [String], cacheFolder: String = GazetteerStore.defaultCacheFolder) throws -> CompiledGazetteer {
        // A stamp of the sources (stat) stands for their checksum where one was recorded, in the cache.
        let stamp = GazetteerSourceStamp(sources: sources)
        let recorded = stamp?.recordedChecksum(of: sources, in: cacheFolder)
        let checksum = try recorded ?? GazetteerCompiler.sourceChecksum(of: sources)
        let name = "/gazetteer-\(String(checksum, radix: 16).leftPadded(to: 16)).tpg"
        let path = cacheFolder + name
        if let folder = ShippedData.compiledGazetteersFolder, let gazetteer = try? compiled(path: folder + name), gazetteer.sourceChecksum == checksum {
            return gazetteer
        }
        if let gazetteer = try? compiled(path: path), gazetteer.sourceChecksum == checksum {
            if recorded == nil { stamp?.record(checksum: checksum, of: sources, in: cacheFolder) }
            return gazetteer
        }
        LoadNotice.post(
            "compiling gazetteers \(sources.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")) into \(cacheFolder) (once: later runs map the compiled file)"
        )
        let (bytes, _) = try GazetteerCompiler.compile(sources: sources)
        do {
            try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        } catch {
            throw GazetteerFileError(path: cacheFolder, message: "cannot create the gazetteer cache folder (set TEXTPIPE_CACHE): \(error.localizedDescription)")
        }
        try GazetteerWriter.writeAtomically(bytes, to: path)
        lock.withLock { loaded[path] = nil }
        let gazetteer = try compiled(path: path)
        if gazetteer.sourceChecksum == checksum { stamp?.record(checksum: checksum, of: sources, in: cacheFolder) }
        return gazetteer
    }
}
