/// The checksum a stage reports for each file it loaded (``Stage/resourceChecksums``).
///
/// `--resume` refuses to continue an output when a checksum changed, and
/// `--metrics` lists them, so a stage that reads a lexicon, a model or a
/// table should report one. The built-in stages use this same function.
public enum ResourceChecksum {
    /// FNV-1a 64-bit hash of `bytes` as 16 lowercase hex digits: the same on every
    /// run, machine and platform (unlike `Hasher`, which is seeded per process).
    /// - Complexity: O(n) in the number of bytes.
    public static func of(_ bytes: some Sequence<UInt8>) -> String { fnv1a64(bytes) }
}
