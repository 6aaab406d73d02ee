import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

typealias HTTPChannel = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

/// HTTP/1.1 over a unix socket or TCP, one connection per request, on SwiftNIO.
///
/// One connection per request keeps the failure model simple (no half-dead pooled
/// connections after an engine restart); over a local socket a connect costs well under a
/// millisecond, and dockerd itself is the bottleneck (platform notes: ~2.4 ms per list).
/// Over ssh:// a connection is an ssh process and a login: GETs reuse kept ones (`KeptConnections`).
public struct HTTPTransport: Sendable {
    public let endpoint: DockerEndpoint
    public var connectTimeout: Duration = .seconds(3)
    let group: any EventLoopGroup

    /// TLS for a tcp:// engine (read once; a bad file fails every call with its name).
    let tls: Result<NIOSSLContext, DockerError>?
    /// Starts `ssh … docker system dial-stdio` for an ssh:// engine.
    let ssh: SSHDialer?
    /// An ssh:// engine's connections kept between GETs, as the docker CLI keeps them.
    let kept: KeptConnections?

    /// `sshConfigFile`: an ssh_config for `ssh -F` (tests; else ssh reads the user's own).
    public init(
        endpoint: DockerEndpoint, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        tls: EngineTLS? = nil, sshConfigFile: String? = nil
    ) {
        self.endpoint = endpoint
        self.group = group
        if case .tcp = endpoint, let tls {
            self.tls = Result { () throws(DockerError) in try tls.makeContext(endpoint: endpoint.description) }
        } else {
            self.tls = nil
        }
        if case .ssh(let user, let host, let port, let path) = endpoint {
            ssh = SSHDialer(argv: SSHAddress.arguments(user: user, host: host, port: port, path: path, connectTimeout: 10, configFile: sshConfigFile))
            kept = KeptConnections()
        } else {
            (ssh, kept) = (nil, nil)
        }
    }

    /// The largest whole answer read into memory; a bigger one is an error, not an allocation.
    public var maxBodySize = 64 << 20

    /// Sends `request` and collects the whole answer, or throws a `DockerError` within `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration, operation: String) async throws -> HTTPResponse {
        let maxBodySize = maxBodySize
        let started = ContinuousClock.now
        do {
            let response = try await Self.typed(operation) {
                try await sendUntyped(request, timeout: timeout, operation: operation, maxBodySize: maxBodySize)
            }
            // The heartbeat's ping each second would drown the log; a failed one is kept below.
            if operation != "ping" { log(request, operation, "\(response.status)", since: started) }
            return response
        } catch {
            log(request, operation, "\(error)", since: started)
            throw error
        }
    }

    /// One line of `--log`: the call, its answer (or why none) and how long it took.
    private func log(_ request: HTTPRequest, _ operation: String, _ outcome: @autoclosure () -> String, since started: ContinuousClock.Instant) {
        LabLog.info("http", "\(endpoint) \(operation): \(request.method.rawValue) \(request.path) → \(outcome()) in \(LabLog.milliseconds(.now - started))")
    }

    private func sendUntyped(_ request: HTTPRequest, timeout: Duration, operation: String, maxBodySize: Int) async throws -> HTTPResponse {
        try await withDeadline(timeout, operation: operation) {
            if let kept, request.method == .get { return try await sendKept(request, kept: kept, maxBodySize: maxBodySize) }
            let channel = try await connect()
            return try await explained { try await channel.executeThenClose { inbound, outbound in
                try await write(request, to: outbound)
                var head: HTTPResponseHead?
                var body: [UInt8] = []
                for try await part in inbound {
                    switch part {
                    case .head(let received): head = received
                    case .body(let buffer):
                        guard body.count + buffer.readableBytes <= maxBodySize else {
                            throw DockerError.badResponse(operation: operation, detail: "an answer larger than \(maxBodySize >> 20) MiB")
                        }
                        body.append(contentsOf: buffer.readableBytesView)
                    case .end:
                        guard let head else { throw DockerError.streamEnded(operation: operation) }
                        return HTTPResponse(status: Int(head.status.code), headers: Self.pairs(head.headers), body: body)
                    }
                }
                throw DockerError.streamEnded(operation: operation)
            } }
        }
    }

    /// Sends `request` and hands back the head (within `timeout`) and the body as it streams.
    ///
    /// The body stream has no time limit: events and logs may stay quiet for hours. Stopping
    /// iteration (or cancelling the consuming task) closes the connection. A reader that falls
    /// behind stops the reading of the socket (`EngineStream`): flow control end to end.
    public func stream(
        _ request: HTTPRequest, timeout: Duration, operation: String
    ) async throws -> (HTTPStreamHead, EngineStream<[UInt8]>) {
        let (heads, headContinuation) = AsyncThrowingStream<HTTPStreamHead, any Error>.makeStream()
        let chunks = EngineStream<[UInt8]> { send in
            do {
                let channel = try await connect()
                try await explained { try await channel.executeThenClose { inbound, outbound in
                    try await write(request, to: outbound)
                    for try await part in inbound {
                        switch part {
                        case .head(let head):
                            headContinuation.yield(HTTPStreamHead(status: Int(head.status.code), headers: Self.pairs(head.headers)))
                            headContinuation.finish()
                        case .body(let buffer): try await send(Array(buffer.readableBytesView))
                        case .end: return
                        }
                    }
                    throw DockerError.streamEnded(operation: operation)
                } }
            } catch {
                let typed = Self.typedError(error, operation)
                headContinuation.finish(throwing: typed)
                throw Task.isCancelled ? CancellationError() : typed
            }
        }
        let started = ContinuousClock.now
        do {
            let head = try await withDeadline(timeout, operation: operation) {
                for try await head in heads { return head }
                throw DockerError.streamEnded(operation: operation)
            }
            log(request, operation, "\(head.status), streaming", since: started)
            return (head, chunks)
        } catch {
            log(request, operation, "\(error)", since: started)
            throw error  // `chunks` goes with this scope: its producer is cancelled, the connection closed
        }
    }

    /// Runs `body`, turning whatever the HTTP layer throws (a parser error on a broken chunk, an
    /// I/O error mid-read) into a `DockerError`, so callers see one error type.
    static func typed<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw typedError(error, operation)
        }
    }

    static func typedError(_ error: any Error, _ operation: String) -> any Error {
        switch error {
        case is DockerError, is CancellationError: return error
        case ChannelError.ioOnClosedChannel, ChannelError.eof, ChannelError.outputClosed: return DockerError.streamEnded(operation: operation)
        default: return DockerError.badResponse(operation: operation, detail: String(describing: error))
        }
    }

    /// Whether something accepts a connection at the endpoint now: the cheap look for an
    /// engine's return during a backoff (a refused local connect costs microseconds).
    public func canConnect(within limit: Duration) async -> Bool {
        var quick = self
        quick.connectTimeout = limit
        guard let channel = try? await quick.connect() else { return false }
        try? await channel.channel.close()
        return true
    }

    func connect() async throws -> HTTPChannel {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount.nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
                + connectTimeout.components.attoseconds / 1_000_000_000))
        let initializer: @Sendable (any Channel) -> EventLoopFuture<HTTPChannel> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try HTTPChannel(wrappingChannelSynchronously: channel)
            }
        }
        do {
            switch endpoint {
            case .unix(let path):
                return try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: initializer)
            case .tcp(let host, let port):
                return try await bootstrap.connect(host: host, port: port, channelInitializer: secured(initializer, host: host))
            case .ssh:
                return try await dialSSH(bootstrap, initializer)
            }
        } catch let error as DockerError {
            throw error
        } catch {
            throw ConnectFailure.classify(error, endpoint: endpoint)
        }
    }

    private func write(_ request: HTTPRequest, to outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>) async throws {
        // One write and flush: sent piecemeal, the engine may answer and close after the head,
        // and a later write of the end would fail on a closed channel.
        do {
            try await outbound.write(contentsOf: requestParts(request, close: true))
        } catch ChannelError.ioOnClosedChannel {
            // The answer may already be in; reading tells.
        }
    }

    /// The request's head, body and end; `close` asks the engine to close after answering.
    func requestParts(_ request: HTTPRequest, close: Bool) -> [HTTPClientRequestPart] {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.method.rawValue), uri: request.path)
        // dockerd refuses a request without Host (400), even on a unix socket.
        head.headers.add(name: "Host", value: hostHeader)
        head.headers.add(name: "User-Agent", value: "ailab")
        if close { head.headers.add(name: "Connection", value: "close") }
        for header in request.headers { head.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            head.headers.add(name: "Content-Length", value: String(body.count))
            head.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
        } else if request.method == .post {
            head.headers.add(name: "Content-Length", value: "0")
        }
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body = request.body { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        parts.append(.end(nil))
        return parts
    }

    private var hostHeader: String {
        switch endpoint {
        case .unix, .ssh: return "docker"
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    private static func pairs(_ headers: HTTPHeaders) -> [(name: String, value: String)] {
        headers.map { (name: $0.name, value: $0.value) }
    }
}
