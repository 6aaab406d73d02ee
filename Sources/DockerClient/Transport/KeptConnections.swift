import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Connections to an ssh:// engine kept open between requests, as the docker CLI's HTTP client
/// keeps them (Go's http.Transport: up to 2 idle connections per host, each one `ssh … docker
/// system dial-stdio` from its connhelper): the heartbeat's ping each second, a resync's list and
/// the Swarm's reads reuse one ssh instead of starting one each. Only GET requests use them: a
/// kept connection the engine or ssh closed while idle is found out by the next request, which
/// is then sent again on a fresh one, and only a GET may safely be sent twice.
final class KeptConnections: Sendable {
    /// As Go's `DefaultMaxIdleConnsPerHost`.
    static let idleLimit = 2
    private let idle = Mutex<[any Channel]>([])

    deinit { idle.withLock { $0 }.forEach { $0.close(promise: nil) } }

    /// An idle connection still open, if there is one.
    func take() -> (any Channel)? {
        idle.withLock { channels in
            while let channel = channels.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
    }

    /// Keeps `channel` for the next request, or closes it when enough are kept.
    func put(_ channel: any Channel) {
        let extra = idle.withLock { channels -> (any Channel)? in
            guard channels.count < Self.idleLimit else { return channel }
            channels.append(channel)
            return nil
        }
        extra?.close(promise: nil)
    }
}

/// One request on a kept connection: its parts, and where its answer goes.
struct KeptExchange: Sendable {
    let parts: [HTTPClientRequestPart]
    let answer: EventLoopPromise<KeptAnswer>
    let maxBodySize: Int
}

struct KeptAnswer: Sendable {
    let head: HTTPResponseHead
    let body: [UInt8]
}

/// The connection ended before any of the answer came: the request may be sent again (a GET).
struct NothingReceived: Error {
    let underlying: any Error
}

/// Sends each `KeptExchange` and collects its answer, one at a time, on a connection that stays
/// open after it (HTTP/1.1 keep-alive).
final class KeptExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = KeptExchange
    typealias OutboundOut = HTTPClientRequestPart

    private var pending: KeptExchange?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            promise?.fail(ChannelError.inappropriateOperationForState)
            return
        }
        (pending, head, body) = (exchange, nil, [])
        for (index, part) in exchange.parts.enumerated() {
            context.write(wrapOutboundOut(part), promise: index == exchange.parts.count - 1 ? promise : nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange = pending else { return }
        switch unwrapInboundIn(data) {
        case .head(let received): head = received
        case .body(let buffer):
            guard body.count + buffer.readableBytes <= exchange.maxBodySize else {
                fail(DockerError.badResponse(operation: "http", detail: "an answer larger than \(exchange.maxBodySize >> 20) MiB"))
                context.close(promise: nil)
                return
            }
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            pending = nil
            guard let head else { return exchange.answer.fail(ChannelError.eof) }
            exchange.answer.succeed(KeptAnswer(head: head, body: body))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: any Error) {
        guard let exchange = pending else { return }
        pending = nil
        exchange.answer.fail(head == nil ? NothingReceived(underlying: error) : error)
    }
}

extension HTTPTransport {
    /// A GET on a kept connection (`KeptConnections`): an idle one if any, else a new ssh.
    func sendKept(_ request: HTTPRequest, kept: KeptConnections, maxBodySize: Int) async throws -> HTTPResponse {
        if let channel = kept.take() {
            do {
                return try await exchange(request, on: channel, kept: kept, maxBodySize: maxBodySize)
            } catch is NothingReceived {
                // Closed while idle (the engine restarted, ssh ended): once more on a fresh one.
            }
        }
        let channel = try await connectKept()
        do {
            return try await explained { try await exchange(request, on: channel, kept: kept, maxBodySize: maxBodySize) }
        } catch let failure as NothingReceived {
            throw failure.underlying
        }
    }

    private func exchange(_ request: HTTPRequest, on channel: any Channel, kept: KeptConnections, maxBodySize: Int) async throws -> HTTPResponse {
        let answer = channel.eventLoop.makePromise(of: KeptAnswer.self)
        let exchange = KeptExchange(parts: requestParts(request, close: false), answer: answer, maxBodySize: maxBodySize)
        channel.writeAndFlush(exchange).whenFailure { answer.fail(NothingReceived(underlying: $0)) }
        let received = try await withTaskCancellationHandler {
            try await answer.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)  // a deadline passed: the half-read connection is no use
        }
        if received.head.isKeepAlive { kept.put(channel) } else { channel.close(promise: nil) }
        return HTTPResponse(status: Int(received.head.status.code), headers: received.head.headers.map { (name: $0.name, value: $0.value) }, body: received.body)
    }

    /// A new ssh whose connection answers several requests in turn.
    private func connectKept() async throws -> any Channel {
        guard let ssh else { throw DockerError.badEndpoint(endpoint.description, "not an ssh:// address") }
        let (fd, child) = try ssh.dial(endpoint: endpoint.description)
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(KeptExchangeHandler())
                    }
                }
                .withConnectedSocket(fd).get()
            channel.closeFuture.whenComplete { _ in child.end() }
            return channel
        } catch {
            child.end()
            throw ConnectFailure.classify(error, endpoint: endpoint)
        }
    }
}
