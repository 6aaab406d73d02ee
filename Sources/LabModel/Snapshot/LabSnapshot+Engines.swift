#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// One lab over several engines: each service lives on the engine whose containers it has, else
/// the one it was last seen on, else its `x-ailab.engine` (when that engine is watched), else the
/// default (the first). A service is unknown only while its own engine does not answer.
extension LabSnapshot {
    /// `containers`: every watched engine's, each carrying its engine's name.
    public init(
        catalog: Catalog, engines: [EngineInfo], containers: [ContainerStatus], lastSeen: [String: String] = [:],
        probes: [String: ProbeResult] = [:], takenAt: Date = Date(), swarm: SwarmState? = nil
    ) {
        self.init(catalog: catalog, engine: Self.summary(engines), containers: containers, probes: probes, takenAt: takenAt, swarm: swarm)
        place(on: engines, lastSeen: lastSeen)
    }

    /// Decides each service's engine and judges it by that engine's reachability alone.
    public mutating func place(on engines: [EngineInfo], lastSeen: [String: String]) {
        self.engines = engines
        self.lastSeen = lastSeen
        guard let fallback = engines.first?.name else { return }
        let reachable = Dictionary(engines.compactMap { info in info.name.map { ($0, info.reachable) } }, uniquingKeysWith: { first, _ in first })
        var seen = lastSeen
        services = services.map { status in
            let name = status.service.name
            let placed = status.service.engine.flatMap { reachable[$0] == nil ? nil : $0 }
            // Last seen on an engine no longer watched says nothing about the watched ones.
            let seenOn = lastSeen[name].flatMap { reachable[$0] == nil ? nil : $0 }
            // A Swarm service is the manager's: its tasks' containers run on any node.
            let manager = status.swarm.isEmpty ? nil : swarm?.engine.flatMap { reachable[$0] == nil ? nil : $0 }
            let on = status.containers.first?.engine ?? manager ?? seenOn ?? placed ?? fallback
            // Its Swarm services judged by the manager's reachability too (their rows, replicas).
            let swarm = status.swarm.map {
                SwarmServiceStatus(
                    service: $0.service, component: $0.component, tasks: $0.tasks, containers: $0.containers, catalogReplicas: $0.catalogReplicas,
                    healthChecked: $0.healthChecked, engineReachable: reachable[on] ?? false)
            }
            var judged = ServiceStatus(
                service: status.service, containers: status.containers, engineReachable: reachable[on] ?? false, project: status.project,
                probe: probes[name], swarm: swarm)
            judged.engine = on
            if !status.containers.isEmpty || manager != nil {
                seen[name] = on
            } else if reachable[on] == true {
                seen[name] = nil  // its engine answers and runs none of it: removed there
            }
            return judged
        }
        self.lastSeen = seen
    }

    /// Whether every watched engine answers: the one rule behind exit code 2 of status, map and
    /// roadmap (with several engines the lab-wide `engine` stays reachable while any one is).
    public var everyEngineReachable: Bool { engine.reachable && engines.allSatisfy(\.reachable) }

    /// Whether the engine named `name` answers (true when only one engine is watched and it does).
    public func isReachable(engine name: String?) -> Bool {
        guard let name, !engines.isEmpty else { return engine.reachable }
        return engines.first { $0.name == name }?.reachable ?? false
    }

    /// The lab-wide `engine`: the default (first) engine's facts, reachable while any engine
    /// answers, with the reasons of those that do not.
    static func summary(_ engines: [EngineInfo]) -> EngineInfo {
        guard var info = engines.first else { return EngineInfo(endpoint: "", reachable: false, error: "no engine is watched") }
        guard engines.count > 1 else { return info }
        info.reachable = engines.contains(where: \.reachable)
        let down = engines.filter { !$0.reachable }.map { "\($0.name ?? $0.endpoint): \($0.error ?? "connecting")" }
        info.error = down.isEmpty ? nil : down.joined(separator: "; ")
        return info
    }
}
