import DockerClient

/// Where this machine reaches a port an engine publishes: the one rule behind the Ports screen's
/// "listening", probes, exposure auth checks and roadmap metric checks (issue 16: "ports and
/// probes use that engine's host address").
///
/// - A port bound to one address (not 0.0.0.0 or ::) is reached on that address; the engine's
///   host does not matter then.
/// - A port bound to all addresses is reached on the engine's host: 127.0.0.1 for a local socket
///   (or tcp/ssh to loopback), the host of a tcp:// or ssh:// address otherwise.
/// - A port bound to loopback on a remote engine is that machine's loopback: not reachable from
///   here, and said so rather than asked of this machine's loopback (a wrong answer).
public enum PortAddress: Sendable, Hashable {
    /// Connect to this address (an IP or a host name).
    case host(String)
    /// Cannot be reached from here, and why in a person's words.
    case unreachable(String)

    /// `hostIP`: the binding's address, as the engine lists it ("" or 0.0.0.0 or :: for all);
    /// `engine`: the engine's name, for the reason.
    public static func of(endpoint: DockerEndpoint, boundTo hostIP: String, engine: String? = nil) -> PortAddress {
        let remote = endpoint.remoteHost.flatMap { isLoopback($0) ? nil : $0 }
        switch hostIP {
        case "", "0.0.0.0", "::", "[::]": return .host(remote ?? "127.0.0.1")
        case let ip where isLoopback(ip):
            guard remote == nil else { return .unreachable("bound to loopback on remote engine \(engine ?? endpoint.description)") }
            return .host(ip == "localhost" ? "127.0.0.1" : ip)
        default: return .host(hostIP)
        }
    }

    /// The address to connect to, nil when unreachable.
    public var host: String? { if case .host(let host) = self { host } else { nil } }

    /// Why it is not reached, nil when it is.
    public var reason: String? { if case .unreachable(let why) = self { why } else { nil } }

    static func isLoopback(_ host: String) -> Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }
}

extension LabSnapshot {
    /// Where a port published on the engine named `engine` is reached from here (`PortAddress`);
    /// nil `engine` or a lab of one engine: the lab's engine.
    public func portAddress(engine name: String?, boundTo hostIP: String) -> PortAddress {
        var info = engines.first ?? engine
        if let name, !engines.isEmpty {
            guard let named = engines.first(where: { $0.name == name }) else { return .unreachable("engine \(name) is not watched") }
            info = named
        }
        // Endpoints are written by `DockerEndpoint.description`, so they parse; one that does
        // not is said so rather than guessed to be this machine.
        guard let endpoint = try? DockerEndpoint.parse(info.endpoint) else {
            return .unreachable("the address of engine \(info.name ?? info.endpoint) is unknown")
        }
        return .of(endpoint: endpoint, boundTo: hostIP, engine: info.name)
    }
}
