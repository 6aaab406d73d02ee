#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// A catalog service with what the engine says of it, rolled up over its components.
public struct ServiceStatus: Sendable, Equatable {
    public var service: LabService
    public var containers: [ContainerStatus]
    public var state: ServiceState
    public var health: HealthState
    /// Components whose container's config-hash label differs from the catalog's: the catalog
    /// changed since they were created. Containers without the label (made by hand) never count.
    public var driftedComponents: [String]
    /// The catalog's compose project, which actions may touch.
    public var project: String?
    /// The service's one condition (see `ConditionJudge`): what every surface shows.
    public var condition: ConditionReport
    /// The latest run of its `x-ailab.probe`, while it runs.
    public var probe: ProbeResult?
    /// Its components deployed as Swarm services of the lab's stack (empty when not in Swarm).
    public var swarm: [SwarmServiceStatus] = []
    /// The engine it runs on (or is placed on, or was last seen on), when several are watched.
    public var engine: String?

    public init(
        service: LabService, containers: [ContainerStatus], engineReachable: Bool, project: String? = nil, probe: ProbeResult? = nil,
        swarm: [SwarmServiceStatus] = []
    ) {
        self.service = service
        self.containers = containers.sorted { Self.order(service, $0) < Self.order(service, $1) }
        driftedComponents = Self.drifted(service, containers, project: project)
        self.project = project
        self.probe = engineReachable ? probe : nil
        self.swarm = swarm
        condition = ConditionJudge.service(containers: containers, hasProbe: service.probe != nil, probe: self.probe, engineReachable: engineReachable)
        guard engineReachable else {
            // Never the last known health as if current.
            state = .unknown
            health = .unknown
            return
        }
        if containers.isEmpty, !swarm.isEmpty {
            (state, health, condition) = Self.rollUp(swarm)
            return
        }
        state = Self.rollUpState(containers)
        // A stopped container's last health word is history, not health.
        health = state == .running || state == .restarting ? Self.rollUpHealth(containers) : .none
    }

    public var isInstalled: Bool { !containers.isEmpty || !swarm.isEmpty }

    /// The ports to show: what the containers publish when installed, else what the catalog declares.
    public var ports: [PublishedPort] {
        if !containers.isEmpty { return Array(Set(containers.flatMap(\.ports))).sorted() }
        return service.ports.compactMap { spec in
            spec.host.map { PublishedPort(host: $0, container: spec.container, proto: spec.proto, hostIP: spec.hostIP ?? "") }
        }.sorted()
    }

    /// Components the catalog lists that have no container.
    public var missingComponents: [String] {
        guard !containers.isEmpty else { return [] }
        let present = Set(containers.compactMap(\.component))
        return service.components.map(\.name).filter { !present.contains($0) }
    }

    /// When the longest-running component started: the service's uptime.
    public var startedAt: Date? {
        guard state == .running else { return nil }
        return containers.compactMap(\.startedAt).min()
    }

    /// The newest failing health-check output among components, for "why". Nothing while the
    /// engine does not answer: the last output is history then, not the present.
    public var failingCheck: (container: String, run: HealthCheckRun)? {
        guard condition.condition != .unknown else { return nil }
        return containers.lazy.compactMap { container in
            container.lastCheck.flatMap { $0.exitCode != 0 ? (container.name, $0) : nil }
        }.first
    }

    public var isDrifted: Bool { !driftedComponents.isEmpty }

    /// The containers actions may touch: the catalog's project's, or made by hand (no project
    /// label) under the component's own name. Another project's container, or one matched only
    /// by its image, stands in on screen; it is never stopped, replaced or removed from here.
    public var ownedContainers: [ContainerStatus] {
        containers.filter { container in
            if container.project == project { return true }
            guard container.project == nil, let component = service.components.first(where: { $0.name == container.component }) else { return false }
            return ServiceMapper.isNamed(container.name, as: component, project: project ?? "")
        }
    }

    /// True when every container shown for the service is another project's (or a look-alike's)
    /// standing in: the catalog's own project runs none of it.
    public var isStandIn: Bool { !containers.isEmpty && ownedContainers.isEmpty }

    /// The project whose containers stand in for the service ("" for containers of no project).
    public var standInProject: String? { isStandIn ? containers.first.map { $0.project ?? "" } : nil }

    /// Why an action leaves a stand-in alone, naming its project and how to act on it.
    public var standInRefusal: String? {
        guard let other = standInProject, let first = containers.first else { return nil }
        let owner = other.isEmpty ? "container \(first.name) (no compose project)" : "project '\(other)' (container \(first.name))"
        let how = other.isEmpty ? "" : ": run with -p \(other) to act on that project"
        return "\(service.name) is \(owner), standing in for project '\(project ?? "")''s service; ailab does not act on it\(how)"
    }

    /// Catalog components with no owned container.
    public var componentsToCreate: [String] {
        let present = Set(ownedContainers.compactMap(\.component))
        return service.components.map(\.name).filter { !present.contains($0) }
    }

    /// Only the catalog's own project's containers: another project's stand-in is not ours to recreate.
    static func drifted(_ service: LabService, _ containers: [ContainerStatus], project: String?) -> [String] {
        service.components.filter { component in
            containers.contains { container in
                guard container.component == component.name, container.project == project, let hash = container.labels[ComposeLabel.configHash] else { return false }
                return hash != ContainerBlueprint.hash(of: component)
            }
        }.map(\.name)
    }

    static func rollUpState(_ containers: [ContainerStatus]) -> ServiceState {
        guard !containers.isEmpty else { return .notInstalled }
        return containers.map(\.state).max { $0.severity < $1.severity } ?? .unknown
    }

    static func rollUpHealth(_ containers: [ContainerStatus]) -> HealthState {
        containers.filter { $0.state == .running }.map(\.health).max { $0.severity < $1.severity } ?? .none
    }

    private static func order(_ service: LabService, _ container: ContainerStatus) -> (Int, String) {
        let index = service.components.firstIndex { $0.name == container.component }
        return (index ?? Int.max, container.name)
    }
}
