#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// Everything the console and `ailab status` show, at one moment: a value, never mutated in place
/// by a view.
public struct LabSnapshot: Sendable, Equatable {
    public var catalog: Catalog
    public var engine: EngineInfo
    /// In catalog order.
    public var services: [ServiceStatus]
    /// Containers of no catalog service.
    public var others: [ContainerStatus]
    public var takenAt: Date
    /// The latest probe result of each service that has run one.
    public var probes: [String: ProbeResult]
    /// The Swarm as the watched engine's manager API sees it; nil when it is not a manager.
    public var swarm: SwarmState?
    /// Each watched engine when there are several (`LabSnapshot+Engines`); empty with one.
    public var engines: [EngineInfo] = []
    /// Service → the engine it was last seen on, so an engine that goes away takes only its own.
    public var lastSeen: [String: String] = [:]

    /// Joins catalog and containers; pure, so tests need no engine.
    public init(
        catalog: Catalog, engine: EngineInfo, containers: [ContainerStatus], probes: [String: ProbeResult] = [:], takenAt: Date = Date(),
        swarm: SwarmState? = nil
    ) {
        self.catalog = catalog
        self.engine = engine
        self.takenAt = takenAt
        self.probes = probes
        self.swarm = swarm
        let (swarmByService, containers) = SwarmJoin.split(containers, catalog: catalog, swarm: swarm, engineReachable: engine.reachable)
        let assignment = ServiceMapper(catalog: catalog).assign(containers)
        var byService: [String: [ContainerStatus]] = [:]
        var others: [ContainerStatus] = []
        for container in containers {
            if let owner = assignment[container.id] ?? nil {
                var container = container
                container.component = owner.component  // also for containers matched by name or image
                byService[owner.service, default: []].append(container)
            } else {
                others.append(container)
            }
        }
        // Each service as wired to the installed ones: a container made before the other end of
        // a wire was installed has drifted from what the catalog now asks of it.
        let installed = Set(byService.keys)
        services = catalog.services.map {
            ServiceStatus(
                service: $0.wired(to: installed), containers: byService[$0.name] ?? [], engineReachable: engine.reachable, project: catalog.name,
                probe: probes[$0.name], swarm: swarmByService[$0.name] ?? [])
        }
        self.others = others.sorted { $0.name < $1.name }
    }

    public func status(of name: String) -> ServiceStatus? { services.first { $0.service.name == name } }

    /// Every container the engine reported, the lab's and the others.
    public var allContainers: [ContainerStatus] { services.flatMap(\.containers) + services.flatMap(\.swarm).flatMap(\.containers) + others }

    /// The same lab with new probe results: every condition decided again.
    public func with(probes: [String: ProbeResult]) -> LabSnapshot {
        var next = LabSnapshot(catalog: catalog, engine: engine, containers: allContainers, probes: probes, takenAt: takenAt, swarm: swarm)
        next.place(on: engines, lastSeen: lastSeen)
        return next
    }

    /// Services grouped by layer, top to bottom; services of no layer last, as `nil`.
    public var byLayer: [(layer: Layer?, services: [ServiceStatus])] {
        var groups: [(layer: Layer?, services: [ServiceStatus])] = Layer.allCases.map { layer in
            (layer, services.filter { $0.service.layer == layer })
        }
        let unassigned = services.filter { $0.service.layer == nil }
        if !unassigned.isEmpty { groups.append((nil, unassigned)) }
        return groups
    }

    /// How many services are in each condition.
    public var counts: Counts { Counts(services) }

    /// The roll-up of one layer (nil: the unassigned services).
    public func counts(in layer: Layer?) -> Counts { Counts(services.filter { $0.service.layer == layer }) }

    public struct Counts: Sendable, Equatable {
        public var byCondition: [Condition: Int]

        public init(_ services: [ServiceStatus]) {
            byCondition = [:]
            for status in services { byCondition[status.condition.condition, default: 0] += 1 }
        }

        public subscript(_ condition: Condition) -> Int { byCondition[condition] ?? 0 }
    }

    /// Roadmap progress: items whose service is up (healthy, or running with no check) over items, per phase.
    public func progress(of phase: Phase) -> (done: Int, total: Int) {
        let done = phase.items.filter { item in status(of: item.service)?.condition.condition.isUp ?? false }.count
        return (done, phase.items.count)
    }
}
