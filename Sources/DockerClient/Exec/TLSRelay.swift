import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// A TLS connection to a tcp:// engine, handed to the shell as a plain socket: one end of a
/// socketpair is the shell's (`HijackedConnection` reads and writes it, blocking, beside the
/// terminal in `poll`); the other end and the TLS channel are glued together on one event loop
/// by swift-nio-ssl, so the bytes are encrypted by the same TLS code the rest of the client uses.
/// The relay ends when either side closes: the engine ends the exec, or the shell's end is closed.
enum TLSRelay {
    /// Connects with TLS and returns the plain end, and what closes both channels.
    static func open(
        host: String, port: Int, context: NIOSSLContext, serverName: String?, group: any EventLoopGroup, connectTimeout: TimeAmount
    ) async throws -> (fd: Int32, close: @Sendable () -> Void) {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw DockerError.unreachable(endpoint: "tcp://\(host):\(port)", reason: "socketpair: \(String(cString: strerror(errno)))")
        }
        // Both channels on one loop: the glue calls from one handler into the other directly.
        let loop = group.next()
        let remote: any Channel
        do {
            remote = try await ClientBootstrap(group: loop).connectTimeout(connectTimeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
                    }
                }
                .connect(host: host, port: port).get()
        } catch {
            Glibc.close(pair[0]); Glibc.close(pair[1])
            throw error
        }
        let local: any Channel
        do {
            local = try await ClientBootstrap(group: loop).withConnectedSocket(pair[1]).get()
        } catch {
            Glibc.close(pair[0]); Glibc.close(pair[1])
            remote.close(promise: nil)
            throw error
        }
        do {
            try await loop.submit {
                let (toRemote, toLocal) = RelayGlue.pair()
                try remote.pipeline.syncOperations.addHandler(toRemote)
                try local.pipeline.syncOperations.addHandler(toLocal)
            }.get()
        } catch {
            Glibc.close(pair[0])
            remote.close(promise: nil)
            local.close(promise: nil)
            throw error
        }
        return (pair[0], { remote.close(promise: nil); local.close(promise: nil) })
    }
}

/// Copies what one channel reads into the other, reading only while the other can take it
/// (the NIO examples' GlueHandler, swift-nio-examples/connect-proxy): a slow terminal slows
/// the reading from the engine rather than growing a buffer.
private final class RelayGlue: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: RelayGlue?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    static func pair() -> (RelayGlue, RelayGlue) {
        let (first, second) = (RelayGlue(), RelayGlue())
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { partner?.context?.write(data, promise: nil) }

    func channelReadComplete(context: ChannelHandlerContext) { partner?.context?.flush() }

    func channelInactive(context: ChannelHandlerContext) { partner?.context?.close(promise: nil) }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        partner?.context?.close(promise: nil)
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let partner, partner.pendingRead {
            partner.pendingRead = false
            partner.context?.read()
        }
    }

    func read(context: ChannelHandlerContext) {
        if partner?.context?.channel.isWritable ?? false {
            context.read()
        } else {
            pendingRead = true
        }
    }
}
