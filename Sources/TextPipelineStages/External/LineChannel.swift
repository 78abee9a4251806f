#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Newline-delimited messages over a pair of pipe descriptors, with a
/// deadline on every operation.
///
/// Both descriptors are non-blocking and every wait is a `poll` bounded by
/// the deadline, so a peer that hangs, stops reading or writes a line without
/// its end can only cost the time left. Lines longer than `maxLineBytes` are
/// an error, not an unbounded buffer. While a request is written, replies
/// are drained, so a peer that writes before reading cannot deadlock it.
final class LineChannel {
    private var input: Int32
    private var output: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already searched for a newline.
    private var scanned = 0
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(input: Int32, output: Int32, maxLineBytes: Int) {
        self.input = input
        self.output = output
        self.maxLineBytes = maxLineBytes
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Closes both descriptors; the peer sees end-of-file on its stdin.
    func close() {
        if input >= 0 { LibC.closeDescriptor(input); input = -1 }
        if output >= 0 { LibC.closeDescriptor(output); output = -1 }
    }

    /// Writes `bytes` (one or more whole lines) before `deadline`.
    /// - Throws: ``ChannelError``.
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(ChannelError) {
        var offset = 0
        while offset < bytes.count {
            var fds = [pollfd(fd: input, events: Int16(POLLOUT), revents: 0), pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            try wait(&fds, deadline: deadline)
            if fds[1].revents != 0 { try fill() }
            guard fds[0].revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 else { continue }
            let written = bytes.withUnsafeBytes { write(input, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw errno == EPIPE ? .closed : .failed(ChildProcess.errorText(errno))
            }
            offset += written
        }
    }

    /// The next line without its newline, received before `deadline`.
    /// - Throws: ``ChannelError``: `.timeout`, `.closed` at end-of-file, `.tooLong`.
    func receiveLine(deadline: ContinuousClock.Instant) throws(ChannelError) -> [UInt8] {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                scanned = 0
                return line
            }
            scanned = buffer.count
            if buffer.count > maxLineBytes { throw .tooLong(maxLineBytes) }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            try wait(&fds, deadline: deadline)
            try fill()
        }
    }

    /// Whether the peer is quiet: nothing unread, nothing waiting in the pipe, no end-of-file.
    /// Between requests anything else means the peer is out of step or gone.
    func isIdle() -> Bool {
        guard buffer.isEmpty, output >= 0 else { return false }
        var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 0) == 0
    }

    /// Reads what is available into the buffer.
    private func fill() throws(ChannelError) {
        let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            // Replies are awaited one at a time; more than two lines' worth unread is a flood.
            if buffer.count > 2 * maxLineBytes + chunk.count { throw .tooLong(maxLineBytes) }
        } else if count == 0 {
            throw .closed
        } else if errno != EAGAIN && errno != EINTR {
            throw .failed(ChildProcess.errorText(errno))
        }
    }

    /// Polls `fds` until one is ready or `deadline` passes.
    private func wait(_ fds: inout [pollfd], deadline: ContinuousClock.Instant) throws(ChannelError) {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .timeout }
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + Int64(left.components.attoseconds / 1_000_000_000_000_000) + 1)
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .failed(ChildProcess.errorText(errno)) }
        }
    }
}

/// Why a channel operation failed.
enum ChannelError: Error, Equatable, CustomStringConvertible {
    case timeout
    /// The peer closed its end (it exited or crashed).
    case closed
    /// A line grew past the limit.
    case tooLong(Int)
    case failed(String)

    var description: String {
        switch self {
        case .timeout: "no reply in time"
        case .closed: "the process closed its end of the pipe"
        case .tooLong(let limit): "a line longer than \(limit) bytes"
        case .failed(let message): message
        }
    }
}
