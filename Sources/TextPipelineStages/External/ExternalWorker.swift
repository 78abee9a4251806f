import TextPipeline

/// The per-worker half of ``ExternalStage``: one child process, started
/// with the first article and after any failure that leaves it in doubt.
struct ExternalWorker: StageWorker {
    let configuration: ExternalConfiguration
    private var process: ChildProcess?
    private var seq = 0
    private var request = JSONBuffer(capacity: 4096)
    private var applier: ReplyApplier

    init(configuration: ExternalConfiguration) {
        self.configuration = configuration
        self.applier = ReplyApplier(outputs: configuration.outputs)
    }

    mutating func process(_ document: inout Document, context: StageContext) throws {
        do {
            try exchange(&document, context: context)
        } catch {
            if error.needsRestart { stopProcess() }
            throw error.stageError(stage: configuration.name)
        }
    }

    /// Sends the article, awaits its reply and applies it.
    private mutating func exchange(_ document: inout Document, context: StageContext) throws(ExternalFailure) {
        let child = try runningProcess()
        let (deadline, limit) = articleDeadline(context)
        seq += 1
        ExternalProtocol.request(document, seq: seq, layers: configuration.send, into: &request)
        let line: [UInt8]
        do {
            try child.channel.send(request.bytes, deadline: deadline)
            line = try child.channel.receiveLine(deadline: deadline)
        } catch {
            throw failure(error, child: child, limit: limit)
        }
        let reply = try ExternalReply.decode(line)
        guard reply.seq == seq else { throw .badReply("expected seq \(seq), found \(reply.seq.map(String.init) ?? "none")") }
        switch reply.type {
        case "result": try applier.apply(reply, to: &document)
        case "error": throw .reportedError(reply.message ?? "the stage reported an error")
        default: throw .badReply("expected type 'result' or 'error', found '\(reply.type)'")
        }
    }

    /// The earlier of the stage's own limit and the article's deadline, with the limit in seconds for messages.
    private func articleDeadline(_ context: StageContext) -> (ContinuousClock.Instant, Double) {
        let own = ContinuousClock.now + configuration.timeout
        guard let deadline = context.deadline, deadline < own else { return (own, configuration.timeout.seconds) }
        return (deadline, max(0, ContinuousClock.now.duration(to: deadline).seconds))
    }

    private func failure(_ error: ChannelError, child: ChildProcess, limit: Double) -> ExternalFailure {
        switch error {
        case .timeout: .timeout(seconds: limit)
        case .closed: .exited(child.stop(grace: .milliseconds(200)))
        case .tooLong(let bytes): .badReply("a line longer than \(bytes) bytes")
        case .failed(let message): .exited("failed (\(message))")
        }
    }

    /// The running child, starting one and completing the handshake when needed.
    ///
    /// A child that wrote more than its replies or exited after its last reply
    /// is replaced before the request, so the next article does not pay for it.
    private mutating func runningProcess() throws(ExternalFailure) -> ChildProcess {
        if let process {
            if process.channel.isIdle() { return process }
            stopProcess()
        }
        let child = try ChildProcess(executable: configuration.executable, arguments: configuration.arguments,
                                     directory: configuration.directory, maxLineBytes: configuration.maxReplyBytes)
        do {
            try handshake(child)
        } catch {
            let ended = child.stop(grace: .milliseconds(200))
            let reason = if case .startFailed(let message) = error { message } else { error.description }
            throw .startFailed("\(reason); the process \(ended)")
        }
        process = child
        seq = 0
        return child
    }

    private func handshake(_ child: ChildProcess) throws(ExternalFailure) {
        let deadline = ContinuousClock.now + configuration.startTimeout
        let line: [UInt8]
        do {
            try child.channel.send(ExternalProtocol.hello(stage: configuration.name, layers: configuration.send), deadline: deadline)
            line = try child.channel.receiveLine(deadline: deadline)
        } catch .timeout {
            throw .startFailed("no handshake within \(configuration.startTimeout.seconds) s")
        } catch {
            throw .startFailed("the handshake failed: \(error)")
        }
        let reply = try ExternalReply.decode(line)
        guard reply.type == "hello", reply.protocol == ExternalProtocol.version else {
            throw .startFailed("expected {\"type\":\"hello\",\"protocol\":\(ExternalProtocol.version)}, found type '\(reply.type)' protocol \(reply.protocol.map(String.init) ?? "none")")
        }
        guard reply.stage == configuration.name else {
            throw .startFailed("the process calls itself '\(reply.stage ?? "")', the pipeline expects '\(configuration.name)'")
        }
    }

    private mutating func stopProcess() {
        process?.stop()
        process = nil
    }
}
