import DockerClient
import LabModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An engine event about a lab container, in the lab's terms.
public struct LabEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case created, started, restarted, stopped, died, killed, outOfMemory, paused, unpaused, destroyed, renamed, updated
        case health(HealthState)
        case other(String)

        public var word: String {
            switch self {
            case .created: return "create"
            case .started: return "start"
            case .restarted: return "restart"
            case .stopped: return "stop"
            case .died: return "die"
            case .killed: return "kill"
            case .outOfMemory: return "oom"
            case .paused: return "pause"
            case .unpaused: return "unpause"
            case .destroyed: return "destroy"
            case .renamed: return "rename"
            case .updated: return "update"
            case .health: return "health"
            case .other(let action): return action
            }
        }
    }

    public var time: Date
    public var containerID: String
    public var container: String
    /// The catalog service, when the container is the lab's.
    public var service: String?
    public var kind: Kind
    public var exitCode: Int?
    /// The engine it came from, when several are watched (`LabSet` names it; issue 16).
    public var engine: String?

    public init(time: Date, containerID: String, container: String, service: String?, kind: Kind, exitCode: Int? = nil) {
        self.time = time
        self.containerID = containerID
        self.container = container
        self.service = service
        self.kind = kind
        self.exitCode = exitCode
    }

    /// nil for events a person does not need (health-check exec runs, other object types).
    public init?(_ event: EngineEvent, service: String?) {
        guard event.type == "container", !event.isExecNoise else { return nil }
        let kinds: [String: Kind] = [
            "create": .created, "start": .started, "restart": .restarted, "stop": .stopped, "die": .died, "kill": .killed,
            "oom": .outOfMemory, "pause": .paused, "unpause": .unpaused, "destroy": .destroyed, "rename": .renamed, "update": .updated,
        ]
        let kind = event.healthStatus.map { Kind.health(HealthState(engine: $0)) } ?? kinds[event.action] ?? .other(event.action)
        self.init(
            time: Date(timeIntervalSince1970: Double(event.timeNano) / 1e9), containerID: event.actorID,
            container: event.attributes["name"] ?? String(event.actorID.prefix(12)), service: service, kind: kind,
            exitCode: event.attributes["exitCode"].flatMap { Int($0) })
    }
}
