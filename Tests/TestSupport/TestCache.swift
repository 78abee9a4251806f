import TestCacheIsolation

/// The temporary gazetteer cache of this test process (see `tp_test_cache.h`): every test,
/// and every `textpipe` a test starts, uses it through `TEXTPIPE_CACHE`, never the user's cache.
public enum TestCache {
    /// The folder, or nil when it could not be created.
    public static var folder: String? { tp_test_cache_folder().map { String(cString: $0) } }
}
