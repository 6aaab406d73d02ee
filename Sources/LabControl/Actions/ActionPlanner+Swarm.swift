import LabCatalog
import LabModel

/// The planner's rules for Swarm: a service deployed to Swarm is installed while its Swarm
/// services exist; start and stop scale them (to the catalog's replicas, to 0); remove removes
/// them. Installing to Swarm is asked for with `--swarm` or the catalog's `x-ailab.swarm`.
extension ActionPlanner {
    /// True when an install of `status` goes to Swarm.
    func goesToSwarm(_ status: ServiceStatus, _ request: ActionRequest) -> Bool {
        request.swarm || status.service.components.contains { $0.swarm.enabled }
    }

    /// Every replica the catalog asks for runs.
    static func atFullScale(_ status: ServiceStatus) -> Bool {
        status.swarm.allSatisfy { $0.desired == $0.catalogReplicas && $0.running >= $0.desired }
    }

    static func scaledToZero(_ status: ServiceStatus) -> Bool { status.swarm.allSatisfy { $0.desired == 0 } }

    /// Plans a service that runs (or is to run) in Swarm; false: the plain rules apply.
    func swarmEntry(_ status: ServiceStatus, requested: Bool, reason: String?, into plan: inout ActionPlan) -> Bool {
        let name = status.service.name
        let replicas = status.swarm.map(\.replicasText).joined(separator: ", ")
        var entry: PlanEntry
        switch plan.request.kind {
        case .install:
            guard status.isSwarm else {
                guard goesToSwarm(status, plan.request), status.isInstalled else { return false }
                plan.refusals.append("\(name) runs as a container on this engine: `ailab remove \(name)` first to deploy it to Swarm")
                return true
            }
            if Self.atFullScale(status) || requested {
                let how = Self.scaledToZero(status) ? "; `ailab start \(name)` scales it up" : ""
                entry = PlanEntry(service: name, operation: .nothing("already installed as a Swarm service (replicas \(replicas))\(how)"), reason: reason)
            } else {
                entry = PlanEntry(service: name, operation: .start, reason: reason)
            }
        case .start, .restart:
            guard status.isSwarm else { return false }
            if plan.request.kind == .restart && requested {
                entry = PlanEntry(service: name, operation: .restart)
            } else if Self.atFullScale(status) {
                guard requested else { return true }
                entry = PlanEntry(service: name, operation: .nothing("already running (replicas \(replicas))"))
            } else {
                entry = PlanEntry(service: name, operation: .start, reason: reason)
            }
        case .stop:
            guard status.isSwarm else { return false }
            entry = Self.scaledToZero(status)
                ? PlanEntry(service: name, operation: .nothing("already scaled to 0"))
                : PlanEntry(service: name, operation: .stop)
        case .remove:
            guard status.isSwarm else { return false }
            let services = status.swarm.map(\.service.name)
            entry = PlanEntry(service: name, operation: .remove(containers: services, volumes: []))
            plan.questions.append("Remove the Swarm service\(services.count == 1 ? "" : "s") \(services.joined(separator: ", ")) of \(name) and its Swarm secrets? Volumes on the nodes are kept.")
        }
        entry.swarm = entry.changesSomething
        plan.entries.append(entry)
        return true
    }
}
