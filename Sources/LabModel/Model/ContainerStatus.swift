import Basics
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    public var finishedAt: Date?
    public var createdAt: Date?
    public var exitCode: Int?
    public var oomKilled = false
    public var restartCount: Int
    /// The engine's restart policy name (`always`, `unless-stopped`, …), once inspected.
    public var restartPolicy: String?
    /// A `kill` or `stop` event came for it since it last started: its exit was asked for.
    public var stopRequested = false
    /// When its current health word began, from the health-check log.
    public var healthSince: Date?
    /// The newest health-check run, for "why is it unhealthy".
    public var lastCheck: HealthCheckRun?
    /// Its real environment (`KEY=value`), once inspected; shown masked.
    public var environment: [String] = []
    /// `source:destination` of each mount and the process's arguments, once inspected: where
    /// the lab's map looks for an edge's config files and command-line wiring.
    public var mounts: [String] = []
    public var arguments: [String] = []
    /// What inspect said, beyond the list: times, exit code, health log, environment.
    public var inspected = false
    /// What could not be read of this container's answers (list or inspect), if anything.
    public var problem: String?
    /// The watched engine that runs it, when ailab watches several (`EngineSet`); nil with one.
    public var engine: String?

    public init(summary: ContainerSummary) {
        id = summary.id
        name = summary.name
        component = summary.labels[ComposeLabel.service]
        project = summary.labels[ComposeLabel.project]
        image = summary.image
        state = ServiceState(engine: summary.state)
        health = state == .running ? Self.health(fromStatus: summary.status) : summary.problem == nil ? .none : .unknown
        statusText = summary.status
        ports = PublishedPort.from(summary.ports)
        labels = summary.labels
        restartCount = 0
        if state == .exited || state == .dead || state == .restarting { exitCode = Self.exitCode(fromStatus: summary.status) }
        problem = summary.problem
    }

    /// Adds what only inspect knows: start time, exit code, the health-check log.
    public mutating func merge(_ inspect: ContainerInspect) {
        state = ServiceState(engine: inspect.state.status)
        health = state == .running ? HealthState(engine: inspect.state.health?.status) : .none
        startedAt = EngineTime.parse(inspect.state.startedAt)
        finishedAt = EngineTime.parse(inspect.state.finishedAt)
        createdAt = EngineTime.parse(inspect.created)
        exitCode = state == .running ? nil : inspect.state.exitCode
        oomKilled = inspect.state.oomKilled
        restartCount = inspect.restartCount
        restartPolicy = inspect.restartPolicy.isEmpty ? nil : inspect.restartPolicy
        let log = inspect.state.health?.log ?? []
        lastCheck = log.last.map { HealthCheckRun(exitCode: $0.exitCode, output: $0.output, endedAt: EngineTime.parse($0.end)) }
        healthSince = Self.healthSince(health, log: log)
        environment = inspect.config.env
        mounts = inspect.mounts.map { "\($0.source):\($0.destination)" }
        arguments = inspect.config.arguments
        inspected = true
    }

    /// When the current health word began: the first run of the trailing streak of passing
    /// (healthy) or failing (unhealthy) checks in the engine's log of the last five. A streak
    /// as long as the log began no later than its first run.
    static func healthSince(_ health: HealthState, log: [ContainerInspect.HealthLog]) -> Date? {
        guard health == .healthy || health == .unhealthy, !log.isEmpty else { return nil }
        let passing = health == .healthy
        var first = log.count
        while first > 0, (log[first - 1].exitCode == 0) == passing { first -= 1 }
        guard first < log.count else { return nil }
        return EngineTime.parse(log[first].end)
    }

    /// `Exited (137) 5 minutes ago` → 137: a list alone knows the exit code.
    static func exitCode(fromStatus status: String) -> Int? {
        guard let open = status.firstIndex(of: "("), let close = status[open...].firstIndex(of: ")") else { return nil }
        return Int(status[status.index(after: open)..<close])
    }

    /// The one condition of this container (see `ConditionJudge`).
    public var condition: ConditionReport { ConditionJudge.container(self) }

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
