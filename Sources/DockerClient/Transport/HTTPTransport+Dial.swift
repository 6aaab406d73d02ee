import NIOCore
import NIOPosix
import NIOSSL

/// The two ways to an engine besides a plain socket: TLS over tcp://, and ssh's dial-stdio.
extension HTTPTransport {
    /// `initializer` behind a TLS client handler when this engine has TLS settings.
    func secured(
        _ initializer: @escaping @Sendable (any Channel) -> EventLoopFuture<HTTPChannel>, host: String
    ) throws -> @Sendable (any Channel) -> EventLoopFuture<HTTPChannel> {
        guard let tls else { return initializer }
        let context = try tls.get()
        return { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: EngineTLS.serverName(host)))
            }.flatMap { _ in initializer(channel) }
        }
    }

    /// One ssh per connection, as the docker CLI does: the connection is ssh's stdin/stdout,
    /// and closing it ends that ssh.
    func dialSSH(
        _ bootstrap: ClientBootstrap, _ initializer: @escaping @Sendable (any Channel) -> EventLoopFuture<HTTPChannel>
    ) async throws -> HTTPChannel {
        guard let ssh else { throw DockerError.badEndpoint(endpoint.description, "not an ssh:// address") }
        let (fd, child) = try ssh.dial(endpoint: endpoint.description)
        do {
            let channel = try await bootstrap.withConnectedSocket(fd, channelInitializer: initializer)
            channel.channel.closeFuture.whenComplete { _ in child.end() }
            return channel
        } catch {
            child.end()
            throw error
        }
    }

    /// Runs one exchange, and says why when TLS or ssh broke it: a handshake refused, or ssh's
    /// own last words ("Host key verification failed.") when it quit before the engine answered.
    func explained<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            if let why = EngineTLS.describe(error) { throw DockerError.unreachable(endpoint: endpoint.description, reason: why) }
            guard let ssh, !(error is CancellationError) else { throw error }
            if let words = await ssh.lastError(within: .milliseconds(300)) {
                throw DockerError.unreachable(endpoint: endpoint.description, reason: "ssh: \(words)")
            }
            throw error
        }
    }
}
