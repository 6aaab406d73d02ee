import NIOCore

/// The connection a shell's exec is started on, over each transport the client speaks: a plain
/// blocking socket for unix:// and plain tcp://, the plain end of a TLS relay for tcp:// with
/// TLS, ssh's own stdin/stdout for ssh:// (one `ssh … docker system dial-stdio`, as for any
/// other connection). The shell's pump only ever sees a file descriptor it can `poll`.
extension HTTPTransport {
    /// A connected descriptor for `HijackedConnection`, and what ends its transport once closed.
    func hijackable() async throws -> (fd: Int32, release: (@Sendable () -> Void)?) {
        switch endpoint {
        case .unix:
            return (try HijackedConnection.connectSocket(endpoint), nil)
        case .tcp(let host, let port):
            guard let tls else { return (try HijackedConnection.connectSocket(endpoint), nil) }
            do {
                let timeout = TimeAmount.nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
                    + connectTimeout.components.attoseconds / 1_000_000_000)
                let relay = try await TLSRelay.open(
                    host: host, port: port, context: try tls.get(), serverName: EngineTLS.serverName(host), group: group, connectTimeout: timeout)
                return (relay.fd, relay.close)
            } catch let error as DockerError {
                throw error
            } catch {
                throw ConnectFailure.classify(error, endpoint: endpoint)
            }
        case .ssh:
            guard let ssh else { throw DockerError.badEndpoint(endpoint.description, "not an ssh:// address") }
            let (fd, child) = try ssh.dial(endpoint: endpoint.description)
            return (fd, { child.end() })
        }
    }

    /// Why the upgrade failed, in ssh's own words when ssh quit ("Host key verification failed.").
    func explainHijack(_ error: any Error) async -> any Error {
        if let ssh, let words = await ssh.lastError(within: .milliseconds(300)) {
            return DockerError.unreachable(endpoint: endpoint.description, reason: "ssh: \(words)")
        }
        return error
    }
}
