import NIOCore
import NIOHTTP1
import NIOPosix

/// GETs to an ssh:// engine on kept connections (`KeptConnections`, `KeptExchangeHandler`).
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
