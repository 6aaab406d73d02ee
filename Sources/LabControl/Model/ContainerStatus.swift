import DockerClient
import Foundation

/// One container as the lab sees it: engine facts already turned into lab enums.
public struct ContainerStatus: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// The catalog component it is: its compose service label, or what name or image matched.
    public var component: String?
    public var project: String?
    public var image: String
    public var state: ServiceState
    public var health: HealthState
    /// The engine's own summary ("Up 2 hours (healthy)").
    public var statusText: String
    public var ports: [PublishedPort]
    public var labels: [String: String]
    public var startedAt: Date?
    public var exitCode: Int?
    public var restartCount: Int
    /// The newest health-check run, for "why is it unhealthy".
    public var lastCheck: HealthCheckRun?

    public init(summary: ContainerSummary) {
        id = summary.id
        name = summary.name
        component = summary.labels[ComposeLabel.service]
        project = summary.labels[ComposeLabel.project]
        image = summary.image
        state = ServiceState(engine: summary.state)
        health = state == .running ? Self.health(fromStatus: summary.status) : .none
        statusText = summary.status
        ports = PublishedPort.from(summary.ports)
        labels = summary.labels
        restartCount = 0
    }

    /// Adds what only inspect knows: start time, exit code, the health-check log.
    public mutating func merge(_ inspect: ContainerInspect) {
        state = ServiceState(engine: inspect.state.status)
        health = state == .running ? HealthState(engine: inspect.state.health?.status) : .none
        startedAt = EngineTime.parse(inspect.state.startedAt)
        exitCode = state == .running ? nil : inspect.state.exitCode
        restartCount = inspect.restartCount
        lastCheck = inspect.state.health?.log.last.map {
            HealthCheckRun(exitCode: $0.exitCode, output: $0.output, endedAt: EngineTime.parse($0.end))
        }
    }

    /// API 1.41 has no structured health in lists: read it from "Up 5 minutes (healthy)".
    static func health(fromStatus status: String) -> HealthState {
        guard let open = status.lastIndex(of: "("), status.hasSuffix(")") else { return .none }
        return HealthState(engine: String(status[status.index(after: open)..<status.index(before: status.endIndex)]))
    }
}

/// One health-check run of the engine's log.
public struct HealthCheckRun: Sendable, Equatable {
    public var exitCode: Int
    public var output: String
    public var endedAt: Date?

    public init(exitCode: Int, output: String, endedAt: Date?) {
        self.exitCode = exitCode
        self.output = output
        self.endedAt = endedAt
    }
}

/// A port a container publishes on the host.
public struct PublishedPort: Sendable, Hashable, Comparable {
    public var host: Int
    public var container: Int
    public var proto: String
    public var hostIP: String

    public init(host: Int, container: Int, proto: String = "tcp", hostIP: String = "") {
        self.host = host
        self.container = container
        self.proto = proto
        self.hostIP = hostIP
    }

    /// Published ports only, one per host port and protocol (the engine lists IPv4 and IPv6 apart),
    /// sorted so rows never swap places between refreshes.
    static func from(_ bindings: [PortBinding]) -> [PublishedPort] {
        var seen: Set<String> = []
        return bindings.compactMap { binding -> PublishedPort? in
            guard let host = binding.publicPort, seen.insert("\(host)/\(binding.type)").inserted else { return nil }
            let ip = binding.ip ?? ""
            return PublishedPort(host: host, container: binding.privatePort, proto: binding.type, hostIP: ip == "::" ? "0.0.0.0" : ip)
        }.sorted()
    }

    public static func < (lhs: PublishedPort, rhs: PublishedPort) -> Bool {
        (lhs.host, lhs.proto, lhs.container) < (rhs.host, rhs.proto, rhs.container)
    }
}

/// The engine's timestamps: RFC 3339 with nanoseconds; the zero time means "never".
public enum EngineTime {
    public static func parse(_ text: String) -> Date? {
        guard !text.isEmpty, !text.hasPrefix("0001-") else { return nil }
        var trimmed = text
        // Foundation reads at most milliseconds: cut the fraction to three digits.
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            let fraction = text[text.index(after: dot)..<zone].prefix(3)
            trimmed = String(text[..<dot]) + "." + fraction + String(text[zone...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = trimmed.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: trimmed)
    }
}
