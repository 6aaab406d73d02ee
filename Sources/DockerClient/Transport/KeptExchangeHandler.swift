import NIOCore
import NIOHTTP1

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
