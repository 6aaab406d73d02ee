/// What a person asked for.
public enum ActionKind: String, Sendable, CaseIterable, Codable {
    case install, start, stop, restart, remove
}

public struct ActionRequest: Sendable, Equatable {
    public var kind: ActionKind
    /// Service names, or `phaseN` for every service of a roadmap phase (install).
    public var targets: [String]
    /// remove: also delete the service's named volumes.
    public var purge: Bool
    /// install: deploy as Swarm services of the lab's stack (`--swarm`), as `x-ailab.swarm` does.
    public var swarm: Bool
    /// Set when the action is on this one container rather than on services (see `ContainerTarget`).
    public var container: ContainerTarget?

    public init(_ kind: ActionKind, _ targets: [String], purge: Bool = false, swarm: Bool = false) {
        self.kind = kind
        self.targets = targets
        self.purge = purge
        self.swarm = swarm
    }
}

/// One service's part of a plan.
public struct PlanEntry: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// Create and start these components (the ones with no container yet).
        case install(components: [String])
        /// Replace these drifted components' containers (volumes kept).
        case recreate(components: [String])
        case start, stop, restart
        /// Remove these containers; delete these volumes (purge only).
        case remove(containers: [String], volumes: [String])
        case nothing(String)
    }

    public var service: String
    public var operation: Operation
    /// Why it is in the plan when not asked for: "needed by open-webui".
    public var reason: String?
    /// External volumes and network it uses ("volume models"): ailab neither creates nor removes them.
    public var external: [String] = []
    /// It runs (or is to run) as Swarm services: install creates them, start/stop scale them, remove removes them.
    public var swarm = false

    public init(service: String, operation: Operation, reason: String? = nil) {
        self.service = service
        self.operation = operation
        self.reason = reason
    }

    public var changesSomething: Bool {
        if case .nothing = operation { return false }
        return true
    }

    /// "install qdrant (qdrant), needed by open-webui"
    public var summary: String {
        if swarm, changesSomething { return operationSummary + " (Swarm service)" }
        guard external.isEmpty || !changesSomething else {
            return operationSummary + "; external \(external.joined(separator: ", ")) not created or removed by ailab"
        }
        return operationSummary
    }

    private var operationSummary: String {
        let why = reason.map { ", \($0)" } ?? ""
        switch operation {
        case .install(let components): return "install \(service)\(Self.list(components, besides: service))\(why)"
        case .recreate(let components): return "recreate \(service)\(Self.list(components, besides: service)) (drifted from the catalog; volumes kept)\(why)"
        case .start: return "start \(service)\(why)"
        case .stop: return "stop \(service)\(why)"
        case .restart: return "restart \(service)\(why)"
        case .remove(let containers, let volumes):
            let purge = volumes.isEmpty ? "" : "; delete volumes \(volumes.joined(separator: ", "))"
            return "remove \(service) (\(containers.isEmpty ? "no containers" : containers.joined(separator: ", "))\(purge))\(why)"
        case .nothing(let message): return "\(service): \(message)"
        }
    }

    private static func list(_ components: [String], besides service: String) -> String {
        components == [service] ? "" : " (\(components.joined(separator: ", ")))"
    }
}

/// An action worked out before anything is done: shown first, confirmed if it destroys.
public struct ActionPlan: Sendable, Equatable {
    public var request: ActionRequest
    /// In the order they run.
    public var entries: [PlanEntry]
    /// Each must be answered yes before the plan runs (destructive steps).
    public var questions: [String]
    /// Why it may not run at all (unknown name, not installed, a cycle, a failed preflight).
    public var refusals: [String]
    /// What the person should know before saying yes (a data store published on all interfaces).
    public var warnings: [String] = []

    public init(request: ActionRequest, entries: [PlanEntry] = [], questions: [String] = [], refusals: [String] = []) {
        self.request = request
        self.entries = entries
        self.questions = questions
        self.refusals = refusals
    }

    public var changesSomething: Bool { entries.contains(where: \.changesSomething) }
    /// A purge is asked about twice in the console: the data is gone for good.
    public var isPurge: Bool { entries.contains { if case .remove(_, let volumes) = $0.operation { !volumes.isEmpty } else { false } } }
}
