import Foundation
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

    /// Joins catalog and containers; pure, so tests need no engine.
    public init(catalog: Catalog, engine: EngineInfo, containers: [ContainerStatus], takenAt: Date = Date()) {
        self.catalog = catalog
        self.engine = engine
        self.takenAt = takenAt
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
            ServiceStatus(service: $0.wired(to: installed), containers: byService[$0.name] ?? [], engineReachable: engine.reachable, project: catalog.name)
        }
        self.others = others.sorted { $0.name < $1.name }
    }

    public func status(of name: String) -> ServiceStatus? { services.first { $0.service.name == name } }

    /// Services grouped by layer, top to bottom; services of no layer last, as `nil`.
    public var byLayer: [(layer: Layer?, services: [ServiceStatus])] {
        var groups: [(layer: Layer?, services: [ServiceStatus])] = Layer.allCases.map { layer in
            (layer, services.filter { $0.service.layer == layer })
        }
        let unassigned = services.filter { $0.service.layer == nil }
        if !unassigned.isEmpty { groups.append((nil, unassigned)) }
        return groups
    }

    /// Counts for a summary line: how many services are in each health or state.
    public var counts: Counts { Self.counts(of: services) }

    /// The roll-up of one layer (nil: the unassigned services).
    public func counts(in layer: Layer?) -> Counts { Self.counts(of: services.filter { $0.service.layer == layer }) }

    static func counts(of services: [ServiceStatus]) -> Counts {
        var counts = Counts()
        for status in services {
            switch (status.state, status.health) {
            case (.notInstalled, _): counts.notInstalled += 1
            case (.unknown, _), (_, .unknown): counts.unknown += 1
            case (.running, .unhealthy): counts.unhealthy += 1
            case (.running, .starting): counts.starting += 1
            case (.running, _): counts.running += 1
            case (.exited, _), (.dead, _), (.restarting, _): counts.failed += 1
            default: counts.stopped += 1
            }
        }
        return counts
    }

    public struct Counts: Sendable, Equatable {
        public var running = 0, starting = 0, unhealthy = 0, failed = 0, stopped = 0, notInstalled = 0, unknown = 0

        public init(running: Int = 0, starting: Int = 0, unhealthy: Int = 0, failed: Int = 0, stopped: Int = 0, notInstalled: Int = 0, unknown: Int = 0) {
            (self.running, self.starting, self.unhealthy, self.failed) = (running, starting, unhealthy, failed)
            (self.stopped, self.notInstalled, self.unknown) = (stopped, notInstalled, unknown)
        }
    }

    /// Roadmap progress: healthy (or running with no healthcheck) items over items, per phase.
    public func progress(of phase: Phase) -> (done: Int, total: Int) {
        let done = phase.items.filter { item in
            guard let status = status(of: item.service) else { return false }
            return status.state == .running && (status.health == .healthy || status.health == .none)
        }.count
        return (done, phase.items.count)
    }
}
