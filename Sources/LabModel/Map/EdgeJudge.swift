import LabCatalog

/// What one edge of the map is doing now.
public enum EdgeState: String, Sendable, Equatable, CaseIterable {
    /// Wired, and the far end's condition is up (healthy, or running with no check).
    case reachable
    /// Its configuration is in the running container; the far end is not up yet (starting, paused).
    case wired
    /// Something is wrong: a missing container or setting, or a far end that failed (`reason` says).
    case broken
    /// One end is not installed: the edge does not apply.
    case notApplicable = "not-applicable"
    /// The engine does not answer, or the container has not been inspected yet.
    case unknown
}

/// An edge with its state and, unless it is reachable, why.
public struct EdgeStatus: Sendable, Equatable {
    public var edge: MapEdge
    public var state: EdgeState
    public var reason: String?
    /// The evidence the holder's container lacks (labels only, never values).
    public var missing: [String]
}

/// Decides every edge's state once, from a snapshot (whose lab containers are inspected: their
/// environment, mounts, arguments and labels). The Map screen and `ailab map` both read this.
public enum EdgeJudge {
    public static func judge(_ snapshot: LabSnapshot) -> [EdgeStatus] {
        EdgeFinder.edges(snapshot.catalog).map { judge($0, in: snapshot) }
    }

    public static func judge(_ edge: MapEdge, in snapshot: LabSnapshot) -> EdgeStatus {
        func status(_ state: EdgeState, _ reason: String?, missing: [String] = []) -> EdgeStatus {
            EdgeStatus(edge: edge, state: state, reason: reason, missing: missing)
        }
        guard snapshot.engine.reachable else { return status(.unknown, "the engine does not answer") }
        let absent = [edge.from, edge.to].filter { !(snapshot.status(of: $0)?.isInstalled ?? false) }
        if !absent.isEmpty { return status(.notApplicable, absent.joined(separator: " and ") + (absent.count == 1 ? " is" : " are") + " not installed") }
        var containers: [String: ContainerStatus] = [:]
        for component in edge.components {
            let candidates = snapshot.status(of: edge.holder)?.containers.filter { $0.component == component } ?? []
            guard let container = candidates.first(where: { $0.state == .running }) ?? candidates.first else {
                return status(.broken, "\(component) has no container")
            }
            guard container.inspected else { return status(.unknown, "\(container.name) not inspected yet") }
            containers[component] = container
        }
        let missing = edge.evidence.filter { evidence in
            containers[evidence.component].map { !EdgeEvidenceMatch.present(evidence, in: $0) } ?? true
        }.map { $0.label(holder: edge.holder) }
        if !missing.isEmpty {
            return status(.broken, "missing \(missing.joined(separator: ", ")): recreate \(edge.holder) to wire it", missing: missing)
        }
        guard let target = snapshot.status(of: edge.to)?.condition.condition else { return status(.unknown, nil) }
        if target.isUp { return status(.reachable, nil) }
        switch target {
        case .starting, .paused, .unknown: return status(.wired, "\(edge.to) is \(target.rawValue)")
        default: return status(.broken, "\(edge.to) is \(target.rawValue)")
        }
    }
}
