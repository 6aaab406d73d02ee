/// The lab's plan: phases of services, priorities, a learning path, and success metrics.
public struct Roadmap: Sendable, Equatable {
    public var phases: [Phase] = []
    public var priorities: [Priority: [String]] = [:]
    public var learningPath: [LearningStep] = []
    public var metricGroups: [MetricGroup] = []

    public init() {}

    public func phase(_ number: Int) -> Phase? { phases.first { $0.number == number } }
    public var metrics: [Metric] { metricGroups.flatMap(\.metrics) }
}

public struct Phase: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var goal: String
    /// The roadmap's planned weeks, as written ("1-2").
    public var weeks: String
    public var items: [RoadmapItem]

    public init(number: Int, title: String, goal: String, weeks: String, items: [RoadmapItem]) {
        self.number = number
        self.title = title
        self.goal = goal
        self.weeks = weeks
        self.items = items
    }
}

public struct RoadmapItem: Sendable, Equatable {
    public var service: String
    /// The roadmap's effort estimate as written ("low", "2 h").
    public var effort: String
    public var dependencies: [String]

    public init(service: String, effort: String, dependencies: [String]) {
        self.service = service
        self.effort = effort
        self.dependencies = dependencies
    }
}

public enum Priority: String, CaseIterable, Sendable, Codable {
    case mustHave = "must-have"
    case highValue = "high-value"
    case niceToHave = "nice-to-have"

    public var title: String {
        switch self {
        case .mustHave: return "Must-have"
        case .highValue: return "High value"
        case .niceToHave: return "Nice to have"
        }
    }
}

public struct LearningStep: Sendable, Equatable {
    public var service: String
    public var text: String
}

/// The success metrics that close a group of phases ("Phases 1-2").
public struct MetricGroup: Sendable, Equatable {
    public var id: String
    public var title: String
    public var phases: [Int]
    public var metrics: [Metric]
}

public struct Metric: Sendable, Equatable {
    public var id: String
    public var text: String
    /// nil: a person marks it met.
    public var check: MetricCheck?
}

/// The vocabulary of automatic checks a metric may declare.
public enum MetricCheck: Sendable, Equatable {
    /// Every named service is running and healthy.
    case healthy([String])
    /// `GET path` on the service's host port answers a status in `expect`.
    case http(service: String, path: String, expect: StatusSet, auth: Credentials = Credentials())
    /// `GET path` answers JSON whose value at `pointer` (JSON Pointer) meets `bound`. A path's
    /// `{now-24h}` (any number of hours) becomes that moment in ISO 8601.
    case json(service: String, path: String, pointer: String, bound: JSONBound, auth: Credentials = Credentials())
    /// Every installed service with a metrics port is a Prometheus target that is up.
    case prometheusTargetsUp(service: String)
    /// Qdrant's collections named with `prefix` (Open WebUI's) hold points.
    case qdrantPoints(service: String, prefix: String, auth: Credentials = Credentials())
    /// Grafana holds a dashboard, and every data source passes its health check.
    case grafanaHealthy(service: String, auth: Credentials)
    /// Every installed service has log streams in Loki (by the container names under `label`).
    case lokiLogs(service: String, label: String)
    /// Pinned images, healthchecks, restart policies, nothing private published beyond loopback.
    case productionReady
    /// The map's edge `from → to` is reachable (see LabControl's EdgeJudge).
    case edgeReachable(from: String, to: String)
    /// Every check holds.
    indirect case all([MetricCheck])
}

/// What a check sends to prove who it is: headers and HTTP basic credentials whose `${NAME}`
/// references are filled from the lab's secret store at run time (never printed).
public struct Credentials: Sendable, Equatable {
    public var headers: [String: String]
    public var basicUser: String?
    public var basicPassword: String?

    public init(headers: [String: String] = [:], basicUser: String? = nil, basicPassword: String? = nil) {
        self.headers = headers
        self.basicUser = basicUser
        self.basicPassword = basicPassword
    }
}

/// A bound on a JSON value: a count (array length, object size) or a number, or equality.
public enum JSONBound: Sendable, Equatable {
    case countAtLeast(Int)
    /// At least this many entries of a list whose value at `field` equals `value`.
    case countWhere(Int, field: String, value: String)
    /// At least this many distinct values at `field` across a list's entries (LiteLLM's providers).
    case distinctAtLeast(Int, field: String)
    case atLeast(Double)
    case equals(String)
}
