import Foundation

/// What `stat` says of a list of gazetteer sources, recorded in the cache folder beside the
/// source checksum (the cache key) it was computed with, so a later start can take the
/// checksum without reading the sources (about 8 MB for the default pipeline).
///
/// Contract: the recorded checksum is used only when every source still has the device,
/// inode, size, modification time and status-change time it had when its bytes were
/// checksummed. Any write to a file, a rename over it, `touch` or `chmod` changes its
/// status-change time (`st_ctime`, which no program can set back), so the sources are
/// checksummed again. A stamp is recorded only when every source's status change lies
/// at least ``settledSeconds`` in the past, so a write in the same clock tick as the
/// recording (file systems with coarse timestamps) cannot go unseen.
struct GazetteerSourceStamp: Equatable {
    /// Per source: device, inode, size, modification and status-change times (seconds, nanoseconds).
    var fields: [UInt64]
    /// The newest status change among the sources, in seconds.
    var newestChange: Int = 0

    /// How old every source's last status change must be before a stamp is recorded.
    static let settledSeconds = 2

    /// Stamps `sources`; nil when one cannot be `stat`ed (the checksum then reports the error).
    init?(sources: [String]) {
        fields = []
        fields.reserveCapacity(7 * sources.count)
        for path in sources {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            let values = [
                UInt64(status.st_dev), UInt64(status.st_ino), UInt64(status.st_size),
                UInt64(bitPattern: Int64(status.st_mtim.tv_sec)), UInt64(status.st_mtim.tv_nsec),
                UInt64(bitPattern: Int64(status.st_ctim.tv_sec)), UInt64(status.st_ctim.tv_nsec),
            ]
            fields += values
            newestChange = max(newestChange, Int(status.st_ctim.tv_sec))
        }
    }

    /// True when every source changed at least ``settledSeconds`` before `now` (seconds since 1970).
    func isSettled(now: Int) -> Bool { newestChange + Self.settledSeconds <= now }
}

extension GazetteerSourceStamp {
    /// The source checksum (``GazetteerCompiler/sourceChecksum(of:)``) recorded in `cacheFolder`
    /// for `sources` with this stamp, or nil when none is (or it was recorded with another stamp).
    func recordedChecksum(of sources: [String], in cacheFolder: String) -> UInt64? {
        guard let recorded = Self.recorded(at: cacheFolder + "/" + Self.stampName(sources)), recorded.stamp == self else { return nil }
        return recorded.checksum
    }

    /// Records `checksum`, computed from the bytes of `sources` after this stamp was taken, in
    /// `cacheFolder`, when the sources are settled (``isSettled(now:)``; `now`: the clock, for tests).
    func record(checksum: UInt64, of sources: [String], in cacheFolder: String, now: Int = time(nil)) {
        guard isSettled(now: now) else { return }
        Self.record(self, checksum: checksum, at: cacheFolder + "/" + Self.stampName(sources))
    }

    /// The stamp file's name: a hash of the recipe (format, ICU and folding versions) and the paths.
    static func stampName(_ sources: [String]) -> String {
        var key = GazetteerKeyRecipe.current.checksumPrefix
        for path in sources { key += [0] + Array(path.utf8) }
        let hash = key.withUnsafeBytes { GazetteerFormat.checksum($0) }
        return "gazetteer-sources-\(String(hash, radix: 16).leftPadded(to: 16)).stamp"
    }

    /// The file's words: magic, field count, fields, checksum, then a checksum of all of them.
    private static let magic = UInt64(littleEndian: 0x3150_4D41_5453_5054)  // "TPSTAMP1"

    /// The stamp and checksum recorded at `path`, or nil when the file is missing, short or damaged.
    static func recorded(at path: String) -> (stamp: GazetteerSourceStamp, checksum: UInt64)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var words = [UInt64](repeating: 0, count: 512)
        let count = words.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 32, count % 8 == 0, count < 512 * 8 else { return nil }
        words.removeLast(words.count - count / 8)
        let fieldCount = Int(truncatingIfNeeded: words[1])
        guard words[0] == magic, fieldCount >= 0, fieldCount % 7 == 0, words.count == fieldCount + 4,
            words.dropLast().withUnsafeBytes({ GazetteerFormat.checksum($0) }) == words[words.count - 1]
        else { return nil }
        return (GazetteerSourceStamp(fields: Array(words[2 ..< 2 + fieldCount])), words[2 + fieldCount])
    }

    /// Records `stamp` and `checksum` at `path` (temporary file, then rename); failures are ignored:
    /// a missing stamp only means the next start checksums the sources again.
    static func record(_ stamp: GazetteerSourceStamp, checksum: UInt64, at path: String) {
        guard stamp.fields.count + 4 < 512 else { return }
        var words = [magic, UInt64(stamp.fields.count)] + stamp.fields + [checksum]
        words.append(words.withUnsafeBytes { GazetteerFormat.checksum($0) })
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        let written = words.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written != words.count * 8 || rename(temporary, path) != 0 { unlink(temporary) }
    }
}

extension GazetteerSourceStamp {
    /// A stamp of recorded fields (``recorded(at:)``).
    fileprivate init(fields: [UInt64]) {
        self.fields = fields
    }

    /// Stamps compare by their fields only.
    static func == (a: GazetteerSourceStamp, b: GazetteerSourceStamp) -> Bool { a.fields == b.fields }
}
