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

/// The engine's timestamps: RFC 3339 with nanoseconds; the zero time means "never". Parsed by
/// hand: a Foundation date formatter per call cost more than the rest of a container's
/// inspect, and its first use loads ICU (3 ms and megabytes) before the first frame.
public enum EngineTime {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, !text.hasPrefix("0001-") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
            bytes[10] == 84 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2),
            bytes[16] == 58, let second = number(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 90, 122: guard index + 1 == bytes.count else { return nil }
        case 43, 45:
            guard index + 6 == bytes.count, let hours = number(index + 1, 2), bytes[index + 3] == 58, let minutes = number(index + 4, 2) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
        default: return nil
        }
        let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
