import LabCatalog

/// Where on the host a published port listens.
public enum Reach: Sendable, Equatable {
    case loopback
    /// 0.0.0.0 or ::: anyone on the LAN (and beyond, where the network lets them).
    case allInterfaces
    /// One address of this host that is not loopback.
    case address(String)
    /// Not published on the host: only Traefik (or a tunnel) can carry it.
    case notPublished

    /// From the engine's binding address ("" and "::" mean all interfaces, as the engine says).
    public init(hostIP: String) {
        switch hostIP {
        case "", "0.0.0.0", "::": self = .allInterfaces
        case "::1", "localhost": self = .loopback
        default: self = hostIP.hasPrefix("127.") ? .loopback : .address(hostIP)
        }
    }

    public var beyondLoopback: Bool { self == .allInterfaces || { if case .address = self { true } else { false } }() }

    public var word: String {
        switch self {
        case .loopback: return "loopback"
        case .allInterfaces: return "all-interfaces"
        case .address: return "address"
        case .notPublished: return "not-published"
        }
    }

    /// "loopback", "all interfaces", "192.168.1.5", "not published".
    public var text: String {
        if case .address(let ip) = self { return ip }
        return word.replacing("-", with: " ")
    }
}

/// A Traefik router that sends requests to a service's port.
public struct TraefikRoute: Sendable, Equatable {
    public var router: String
    public var rule: String
    public var middlewares: [String]
    /// One of its middlewares is a basicauth, digestauth or forwardauth (read from labels).
    public var authenticated: Bool
}

/// A tunnel of the lab pointing at a port: from the tunnel's own configuration in the catalog.
public struct TunnelPath: Sendable, Equatable {
    /// The tunnel service (cloudflared, tailscale, bore, localtunnel).
    public var tunnel: String
    /// `traefik:80`: the host and container port it forwards to.
    public var target: String
    /// Where the public side is: "bore.pub", "loca.lt", "tailnet", "internet (funnel)".
    public var publicName: String
}

/// What one unauthenticated GET from the host got (2xx means open).
public enum AuthFinding: Sendable, Equatable {
    case open(Int)
    case required(Int)
    case other(Int)
    case noAnswer(String)
    case notChecked(String)

    public init(status: Int) {
        switch status {
        case 200...299: self = .open(status)
        case 401, 403, 407: self = .required(status)
        default: self = .other(status)
        }
    }

    public var asksCredentials: Bool { if case .required = self { true } else { false } }

    public var word: String {
        switch self {
        case .open: return "open"
        case .required: return "required"
        case .other: return "other"
        case .noAnswer: return "no-answer"
        case .notChecked: return "not-checked"
        }
    }

    public var status: Int? {
        switch self {
        case .open(let s), .required(let s), .other(let s): return s
        default: return nil
        }
    }

    /// "open (200)", "asks (401)", "302", "no answer: …", "not checked: …".
    public var text: String {
        switch self {
        case .open(let s): return "open (\(s))"
        case .required(let s): return "asks (\(s))"
        case .other(let s): return "answers \(s)"
        case .noAnswer(let why): return "no answer: \(why)"
        case .notChecked(let why): return "not checked: \(why)"
        }
    }
}

/// The one word every surface shows for a port's exposure.
public enum ExposureVerdict: String, Sendable, CaseIterable, Comparable {
    /// Only this host can reach it.
    case local
    /// Reachable beyond loopback, behind credentials.
    case protected
    /// Reachable beyond loopback without credentials: a web app or the lab's front door.
    case open
    /// A data store or model API beyond loopback, or an admin interface that does not ask for credentials.
    case exposed

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// One port of one service, and who can reach it: decided once by `ExposureJudge`.
public struct PortExposure: Sendable, Equatable {
    public var service: String
    public var component: String?
    /// The container's name.
    public var container: String
    /// nil when only Traefik routes to it.
    public var hostPort: Int?
    public var containerPort: Int
    public var proto: String
    public var hostIP: String
    public var kind: ExposureKind
    public var reach: Reach
    public var routes: [TraefikRoute]
    public var tunnels: [TunnelPath]
    public var auth: AuthFinding
    public var verdict: ExposureVerdict
    /// Why, in a line: "data store on all interfaces".
    public var why: String

    /// ":5432", or "→8080" for a port only Traefik reaches.
    public var portText: String { hostPort.map { ":\($0)" } ?? "→\(containerPort)" }
}

extension PortExposure {
    /// "Host(`a.localhost`) [auth]", one per router; "-" for none.
    public var routeText: String {
        guard !routes.isEmpty else { return "-" }
        return routes.map { route in
            route.rule + (route.middlewares.isEmpty ? "" : " [\(route.middlewares.joined(separator: ","))]") + (route.authenticated ? " auth" : "")
        }.joined(separator: "; ")
    }

    /// "bore → bore.pub"; "-" for none.
    public var tunnelText: String {
        tunnels.isEmpty ? "-" : tunnels.map { "\($0.tunnel) → \($0.publicName)" }.joined(separator: ", ")
    }
}
