import DockerClient
import LabCatalog
import LabModel

/// Checks an install before anything is created: every image present or pullable, every host
/// port free (naming who holds a taken one), every variable resolvable. Creates nothing.
public struct Preflight: Sendable {
    public let client: DockerClient
    public let snapshot: LabSnapshot
    public let resolver: VariableResolver
    /// Host listeners can only be seen when the engine runs on this machine.
    public let checksHostListeners: Bool

    public init(client: DockerClient, snapshot: LabSnapshot, resolver: VariableResolver) {
        self.client = client
        self.snapshot = snapshot
        self.resolver = resolver
        if case .unix = client.endpoint { checksHostListeners = true } else { checksHostListeners = false }
    }

    /// Problems that refuse the plan; empty when it may run. Throws only when the engine is unreachable.
    public func problems(for plan: ActionPlan) async throws -> [String] {
        var problems: [String] = []
        var claimed: [String: String] = [:]  // "6333/tcp" → service, across the plan
        var images: [String] = []
        for entry in plan.entries {
            guard let service = snapshot.catalog.service(named: entry.service) else { continue }
            let components: [String]
            switch entry.operation {
            case .install(let names), .recreate(let names): components = names
            default: continue
            }
            let existing = snapshot.services.flatMap(\.containers) + snapshot.others
            let own = Set((snapshot.status(of: service.name)?.ownedContainers ?? []).map(\.id))
            for component in service.components where components.contains(component.name) {
                // A Swarm service's image is pulled by the node its task lands on, not by this engine.
                if !entry.swarm, !images.contains(component.image) { images.append(component.image) }
                // The engine refuses a second container of one name: say so before creating anything.
                let name = component.containerName ?? "\(snapshot.catalog.name)-\(component.name)-1"
                if case .install = entry.operation, let taken = existing.first(where: { $0.name == name && !own.contains($0.id) }) {
                    let owner = taken.project.map { "project '\($0)'" } ?? "no compose project"
                    problems.append("container name \(name) for \(component.name) is taken by a container of \(owner)")
                }
                problems += resolver.problems(in: component)
                for port in component.ports {
                    guard let host = port.host else { continue }
                    let key = "\(host)/\(port.proto)"
                    if let other = claimed[key], other != service.name {
                        problems.append("host port \(key) is published by both \(other) and \(service.name) in this plan")
                        continue
                    }
                    claimed[key] = service.name
                    if let holder = holder(of: host, proto: port.proto, besides: service.name) {
                        problems.append("host port \(key) for \(component.name) is taken: \(holder)")
                    }
                }
            }
        }
        for image in images {
            if let problem = try await imageProblem(image) { problems.append(problem) }
        }
        return problems
    }

    private func holder(of port: Int, proto: String, besides service: String) -> String? {
        let publishes = { (container: ContainerStatus) in container.ports.contains { $0.host == port && $0.proto == proto } }
        let own = snapshot.status(of: service)?.ownedContainers ?? []
        // Being recreated: its own container holds the port until it is replaced.
        if own.contains(where: publishes) { return nil }
        let everyone = snapshot.services.flatMap(\.containers) + snapshot.others
        if let container = everyone.first(where: publishes) { return "container \(container.name) publishes it" }
        guard checksHostListeners, let holder = HostPortHolders.holder(port: port, proto: proto) else { return nil }
        return holder.description
    }

    private func imageProblem(_ image: String) async throws -> String? {
        if try await client.hasImage(image) { return nil }
        do {
            try await client.checkPullable(image)
            return nil
        } catch let error as DockerError where error.isConnectionFailure {
            throw error
        } catch let error as DockerError {
            return "image \(image) is not here and cannot be pulled: \(error.engineMessage)"
        }
    }
}

extension DockerError {
    /// The engine's or registry's own words, without our prefix.
    public var engineMessage: String {
        switch self {
        case .notFound(let message), .conflict(let message), .engine(_, let message): return message
        default: return description
        }
    }
}
