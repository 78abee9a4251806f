import TextPipeline

/// The per-worker half of ``ExternalStage``: one child process, started
/// with the first article and after any failure that leaves it in doubt.
///
/// A process that fails before it has served an article (it cannot start, fails the
/// handshake, crashes, hangs or garbles its first reply) is a failed start. After
/// `max_failed_starts` of them in a row, or at once when the handshake names another
/// stage, the worker gives up: every later article fails at once with the reason,
/// without starting anything.
struct ExternalWorker: StageWorker {
    let configuration: ExternalConfiguration
    private var process: ChildProcess?
    /// Whether ``process`` has served an article (a result or a reported error).
    private var served = false
    /// Processes in a row that failed before serving an article.
    private var failedStarts = 0
    /// Set when the worker gave up on the stage.
    private var givenUp: ExternalFailure?
    private var seq = 0
    private var request = JSONBuffer(capacity: 4096)
    private var applier: ReplyApplier

    init(configuration: ExternalConfiguration) {
        self.configuration = configuration
        self.applier = ReplyApplier(outputs: configuration.outputs)
    }

    mutating func process(_ document: inout Document, context: StageContext) throws {
        if let givenUp { throw givenUp.stageError(stage: configuration.name) }
        do {
            try exchange(&document, context: context)
            served = true
            failedStarts = 0
        } catch {
            throw recordFailure(error).stageError(stage: configuration.name)
        }
    }

    /// Stops a process left in doubt, counts a failed start, and gives up when they are too many.
    /// - Returns: the failure the article's error record reports.
    private mutating func recordFailure(_ error: ExternalFailure) -> ExternalFailure {
        guard error.needsRestart else {
            // The process answered: it works, even if it refused this article.
            served = true
            failedStarts = 0
            return error
        }
        if !served || process == nil { failedStarts += 1 }
        stopProcess()
        let misnamed = if case .misnamed = error { true } else { false }
        guard misnamed || failedStarts >= configuration.maxFailedStarts else { return error }
        let reason =
            misnamed
            ? "the handshake names another stage"
            : "\(failedStarts) processes in a row failed before serving an article"
        givenUp = .gaveUp("gave up on the stage for the rest of the run (\(reason)); last failure: \(error)")
        return givenUp!
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
        let child = try Self.start(configuration)
        process = child
        served = false
        seq = 0
        return child
    }

    /// Starts a process for `configuration` and completes the handshake (also the start-up
    /// check of ``ExternalStage/checkStartup()``).
    /// - Throws: ``ExternalFailure/startFailed(_:)``, or ``ExternalFailure/misnamed(_:)`` when the
    ///   process answers with another stage's name; the process is stopped.
    static func start(_ configuration: ExternalConfiguration) throws(ExternalFailure) -> ChildProcess {
        let child = try ChildProcess(
            executable: configuration.executable, arguments: configuration.arguments,
            directory: configuration.directory, maxLineBytes: configuration.maxReplyBytes)
        do {
            try handshake(child, configuration)
        } catch {
            let ended = child.stop(grace: .milliseconds(200))
            switch error {
            case .misnamed(let message): throw .misnamed("\(message); the process \(ended)")
            case .startFailed(let message): throw .startFailed("\(message); the process \(ended)")
            default: throw .startFailed("\(error); the process \(ended)")
            }
        }
        return child
    }

    private static func handshake(_ child: ChildProcess, _ configuration: ExternalConfiguration) throws(ExternalFailure) {
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
            throw .startFailed(
                "expected {\"type\":\"hello\",\"protocol\":\(ExternalProtocol.version)}, found type '\(reply.type)' protocol \(reply.protocol.map(String.init) ?? "none")"
            )
        }
        guard reply.stage == configuration.name else {
            throw .misnamed("the process calls itself '\(reply.stage ?? "")', the pipeline expects '\(configuration.name)'")
        }
    }

    private mutating func stopProcess() {
        process?.stop()
        process = nil
    }
}
