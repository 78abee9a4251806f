import Foundation
import Yams

extension Pipeline {
    /// Starts, on a background thread, the one-time set-up that the first load of a
    /// pipeline file needs: compiling the YAML resolver's patterns (ICU regular
    /// expressions, about 9M instructions, 3 ms at start-up).
    ///
    /// A command calls it before parsing its arguments, so the set-up runs on an idle
    /// core meanwhile. A load that comes first waits for it (the resolver is a lazily
    /// initialised global, built once), so loading works the same with or without it.
    public static func prepareLoading() {
        Thread.detachNewThread { _ = Resolver.default }
    }
}
