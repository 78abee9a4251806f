#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// glibc functions that Swift's Glibc module does not import (GNU
/// extensions), looked up once by name with `dlsym`.
enum LibC {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }

    private static let pipe2Function = symbol("pipe2", as: Pipe2.self)
    private static let addChdirFunction = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)

    /// Closes a file descriptor, ignoring errors (for types that have a `close` method of their own).
    static func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }

    /// `pipe2(fds, flags)`: a pipe whose ends get `flags` (O_CLOEXEC) atomically.
    /// Returns -1 with `errno == ENOSYS` when the C library lacks it.
    static func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        guard let pipe2Function else { errno = ENOSYS; return -1 }
        return pipe2Function(fds, flags)
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+): the child changes directory before exec.
    /// Returns ENOSYS when the C library lacks it.
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        guard let addChdirFunction else { return ENOSYS }
        return path.withCString { addChdirFunction(actions, $0) }
    }
}
