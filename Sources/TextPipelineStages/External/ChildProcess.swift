import TextPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` (never a shell), its stdin and
/// stdout connected to pipes, its stderr shared with textpipe's.
///
/// Every pipe end is close-on-exec, so children of other workers never hold
/// this child's pipes open and end-of-file is seen as soon as it exits.
/// SIGPIPE is reset to its default in the child, and ignored in this process
/// (as the `textpipe` command does anyway) so that writing to a child that
/// just died is an `EPIPE` error, not the end of the host program. The
/// process is stopped when the object goes away.
///
/// The child runs in its own process group, so a terminal's Ctrl-C reaches
/// textpipe alone, which stops cleanly and then ends its children; it is
/// listed in ``ChildProcessRegistry`` from its start until it is reaped.
final class ChildProcess {
    let pid: pid_t
    let channel: LineChannel
    private var reaped = false

    /// Starts `executable` with `arguments` (argv, including argv[0]) in `directory`.
    /// - Throws: ``ExternalFailure`` when pipes cannot be made or the spawn fails.
    init(executable: String, arguments: [String], directory: String, maxLineBytes: Int) throws(ExternalFailure) {
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard LibC.pipe2(&toChild, O_CLOEXEC) == 0 else { throw .startFailed("cannot create a pipe: \(Self.errorText(errno))") }
        guard LibC.pipe2(&fromChild, O_CLOEXEC) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw .startFailed("cannot create a pipe: \(Self.errorText(errno))")
        }
        var spawned: pid_t = 0
        let status = Self.spawn(&spawned, executable, arguments, directory, stdin: toChild[0], stdout: fromChild[1])
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw .startFailed("cannot start \(executable): \(Self.errorText(status))")
        }
        pid = spawned
        ChildProcessRegistry.register(spawned)
        channel = LineChannel(input: toChild[1], output: fromChild[0], maxLineBytes: maxLineBytes)
    }

    deinit { _ = stop() }

    /// Closes the pipes, then kills and reaps the child unless it already exited.
    /// - Returns: how the process ended, such as `exited with status 3` or `killed by signal 9`.
    @discardableResult
    func stop(grace: Duration = .zero) -> String {
        channel.close()
        guard !reaped else { return "stopped" }
        ChildProcessRegistry.unregister(pid)
        var status: Int32 = 0
        let clock = ContinuousClock()
        let until = clock.now + grace
        var result = waitpid(pid, &status, WNOHANG)
        while result == 0, clock.now < until {
            usleep(2_000)
            result = waitpid(pid, &status, WNOHANG)
        }
        if result == 0 {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        reaped = true
        return Self.describe(status: status)
    }

    /// `exited with status N` or `killed by signal N`, from a `waitpid` status.
    static func describe(status: Int32) -> String {
        let signal = status & 0x7F
        return signal == 0 ? "exited with status \((status >> 8) & 0xFF)" : "killed by signal \(signal)"
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func spawn(
        _ pid: inout pid_t, _ executable: String, _ arguments: [String], _ directory: String,
        stdin: Int32, stdout: Int32
    ) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        guard LibC.addChdir(&actions, directory) == 0 else { return ENOSYS }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        return posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    }
}
