/// A service's lifecycle state, rolled up from its containers. Raw values are the JSON contract.
public enum ServiceState: String, Sendable, Codable, CaseIterable {
    case notInstalled = "not-installed"
    case created, running, restarting, paused, exited, dead, unknown

    /// The engine's `State` word for one container.
    public init(engine: String) {
        switch engine.lowercased() {
        case "created": self = .created
        case "running": self = .running
        case "restarting": self = .restarting
        case "paused": self = .paused
        case "exited": self = .exited
        case "dead": self = .dead
        case "removing": self = .exited
        default: self = .unknown
        }
    }

    /// Which state speaks for a service when its containers disagree: trouble first.
    var severity: Int {
        switch self {
        case .dead: return 7
        case .restarting: return 6
        case .exited: return 5
        case .unknown: return 4
        case .paused: return 3
        case .created: return 2
        case .running: return 1
        case .notInstalled: return 0
        }
    }
}

/// A service's health. Raw values are the JSON contract.
public enum HealthState: String, Sendable, Codable, CaseIterable {
    case healthy, unhealthy, starting, none, unknown

    /// The engine's health word (`State.Health.Status`, or the list's Status text).
    public init(engine: String?) {
        switch engine?.lowercased() {
        case "healthy": self = .healthy
        case "unhealthy": self = .unhealthy
        case "starting", "health: starting": self = .starting
        case nil, "", "none": self = .none
        default: self = .unknown
        }
    }

    var severity: Int {
        switch self {
        case .unhealthy: return 4
        case .unknown: return 3
        case .starting: return 2
        case .healthy: return 1
        case .none: return 0
        }
    }
}
