#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// Where an engine listens: the `DOCKER_HOST` forms this client speaks.
public enum DockerEndpoint: Sendable, Hashable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)
    /// `ssh://[user@]host[:port][/socket]`, dialled through `ssh … docker system dial-stdio`
    /// (`SSHDialer`); `path` is the remote engine's socket when the URL names one.
    case ssh(user: String?, host: String, port: Int?, path: String?)

    public static let defaultSocket = DockerEndpoint.unix(path: "/var/run/docker.sock")

    /// Parses `unix:///path`, a bare `/path`, `tcp://host[:port]` (port 2375 by default, 2376
    /// with `tls` as the docker CLI's opts.ParseHost has it) or `ssh://[user@]host[:port][/path]`.
    public static func parse(_ text: String, tls: Bool = false) throws(DockerError) -> DockerEndpoint {
        let trimmed = text.trimmed { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("unix://") {
            let path = String(trimmed.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw .badEndpoint(text, "a unix socket path must be absolute") }
            return .unix(path: path)
        }
        if trimmed.hasPrefix("/") { return .unix(path: trimmed) }
        for scheme in ["tcp://", "http://"] where trimmed.hasPrefix(scheme) {
            var rest = String(trimmed.dropFirst(scheme.count))
            if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
            return try hostAndPort(rest, original: text, defaultPort: tls ? 2376 : 2375)
        }
        if trimmed.hasPrefix("ssh://") { return try SSHAddress.parse(trimmed, original: text) }
        if trimmed.hasPrefix("npipe://") || trimmed.hasPrefix("https://") {
            throw .badEndpoint(text, "this scheme is not supported; use unix://, tcp:// or ssh://")
        }
        throw .badEndpoint(text, "expected unix:///path/to/docker.sock, tcp://host:port or ssh://[user@]host[:port]")
    }

    private static func hostAndPort(_ text: String, original: String, defaultPort: Int) throws(DockerError) -> DockerEndpoint {
        if text.hasPrefix("[") {  // [::1]:2375
            guard let close = text.firstIndex(of: "]") else { throw .badEndpoint(original, "unclosed [ in the host") }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw .badEndpoint(original, "junk after ]") }
            return .tcp(host: host, port: try port(String(after.dropFirst()), original: original, defaultPort: defaultPort))
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = parts.first, !first.isEmpty else {
            throw .badEndpoint(original, "expected tcp://host:port")
        }
        return .tcp(host: String(first), port: try port(parts.count == 2 ? String(parts[1]) : "", original: original, defaultPort: defaultPort))
    }

    static func port(_ text: String, original: String, defaultPort: Int = 2375) throws(DockerError) -> Int {
        if text.isEmpty { return defaultPort }
        guard let value = Int(text), (1...65535).contains(value) else {
            throw .badEndpoint(original, "port '\(text)' is not a number from 1 to 65535")
        }
        return value
    }

    /// The host an engine's published ports are reached on: its tcp or ssh host; nil for a
    /// local socket (loopback then).
    public var remoteHost: String? {
        switch self {
        case .unix: return nil
        case .tcp(let host, _), .ssh(_, let host, _, _): return host
        }
    }

    /// The endpoint `DOCKER_HOST` names, or the default socket when it is unset or empty.
    public static func fromEnvironment(_ environment: [String: String]) throws(DockerError) -> DockerEndpoint {
        guard let host = environment["DOCKER_HOST"], !host.isEmpty else { return .defaultSocket }
        return try parse(host)
    }

    public var description: String {
        switch self {
        case .unix(let path): return "unix://\(path)"
        case .tcp(let host, let port): return host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        case .ssh(let user, let host, let port, let path): return SSHAddress.description(user: user, host: host, port: port, path: path)
        }
    }
}
