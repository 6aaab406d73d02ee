import DockerClient

/// One engine the lab watches, by the name a person gave it: a docker context's name,
/// "default" (DOCKER_HOST or the local socket), or the address itself for `--engine URL`.
public struct EngineTarget: Sendable, Equatable {
    public var name: String
    public var endpoint: DockerEndpoint
    public var tls: EngineTLS?
    /// `ssh -F` for ssh:// engines: `AILAB_SSH_CONFIG` (else ssh reads the user's own config).
    public var sshConfigFile: String?

    public init(name: String, endpoint: DockerEndpoint, tls: EngineTLS? = nil, sshConfigFile: String? = nil) {
        self.name = name
        self.endpoint = endpoint
        self.tls = tls
        self.sshConfigFile = sshConfigFile
    }

    /// A client of this engine with its own timeouts and transport.
    public func client(requestTimeout: Duration) -> DockerClient {
        DockerClient(endpoint: endpoint, requestTimeout: requestTimeout, tls: tls, sshConfigFile: sshConfigFile)
    }
}
