import Foundation

/// Where an engine listens: the `DOCKER_HOST` forms this client speaks.
public enum DockerEndpoint: Sendable, Hashable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)

    public static let defaultSocket = DockerEndpoint.unix(path: "/var/run/docker.sock")

    /// Parses `unix:///path`, a bare `/path`, or `tcp://host[:port]` (port 2375 by default).
    public static func parse(_ text: String) throws(DockerError) -> DockerEndpoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("unix://") {
            let path = String(trimmed.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw .badEndpoint(text, "a unix socket path must be absolute") }
            return .unix(path: path)
        }
        if trimmed.hasPrefix("/") { return .unix(path: trimmed) }
        for scheme in ["tcp://", "http://"] where trimmed.hasPrefix(scheme) {
            var rest = String(trimmed.dropFirst(scheme.count))
            if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
            return try hostAndPort(rest, original: text)
        }
        if trimmed.hasPrefix("ssh://") || trimmed.hasPrefix("npipe://") || trimmed.hasPrefix("https://") {
            throw .badEndpoint(text, "this scheme is not supported yet; use unix:// or tcp://")
        }
        throw .badEndpoint(text, "expected unix:///path/to/docker.sock or tcp://host:port")
    }

    private static func hostAndPort(_ text: String, original: String) throws(DockerError) -> DockerEndpoint {
        if text.hasPrefix("[") {  // [::1]:2375
            guard let close = text.firstIndex(of: "]") else { throw .badEndpoint(original, "unclosed [ in the host") }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw .badEndpoint(original, "junk after ]") }
            return .tcp(host: host, port: try port(String(after.dropFirst()), original: original))
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = parts.first, !first.isEmpty else {
            throw .badEndpoint(original, "expected tcp://host:port")
        }
        return .tcp(host: String(first), port: try port(parts.count == 2 ? String(parts[1]) : "", original: original))
    }

    private static func port(_ text: String, original: String) throws(DockerError) -> Int {
        if text.isEmpty { return 2375 }
        guard let value = Int(text), (1...65535).contains(value) else {
            throw .badEndpoint(original, "port '\(text)' is not a number from 1 to 65535")
        }
        return value
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
        }
    }
}
