import LabCatalog

/// Which catalog service, and which of its components, a container is.
public struct Assignment: Sendable, Equatable {
    public var service: String
    public var component: String
}

/// Decides which catalog service a container is. A service takes the containers of the
/// catalog's own project (by compose service label). Only when it has none, containers of one
/// other project (or made by hand, with no project) stand in for it: matched by compose service
/// name, then container name (even when the label names another service: `ollama-cpu` named
/// `ollama`), then image. A service never mixes two projects; when several could stand in, the
/// best match wins, then the project first by name, so the choice is the same on every run.
public struct ServiceMapper: Sendable {
    public let catalog: Catalog
    private let byComponent: [String: Assignment]
    private let componentOwner: [String: Assignment]
    private let imageOwner: [String: Assignment]

    public init(catalog: Catalog) {
        self.catalog = catalog
        var components: [String: Assignment] = [:]
        var owner: [String: Assignment] = [:]
        var images: [String: [Assignment]] = [:]
        for service in catalog.services {
            for component in service.components {
                let assignment = Assignment(service: service.name, component: component.name)
                components[component.name] = assignment
                owner[component.name] = assignment
                if let name = component.containerName { owner[name] = assignment }
                images[component.image, default: []].append(assignment)
            }
        }
        byComponent = components
        componentOwner = owner
        // An image two components share (postgres for the lab and for dify's own db) says nothing.
        imageOwner = images.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// Maps each container id to its service and component, or nil for "other".
    public func assign(_ containers: [ContainerStatus]) -> [String: Assignment?] {
        var result: [String: Assignment?] = [:]
        var owned: Set<String> = []  // services with a container of the catalog's own project
        var candidates: [String: [(rank: Int, project: String, id: String, match: Assignment)]] = [:]
        for container in containers {
            result[container.id] = .some(nil)
            if container.project == catalog.name {
                guard let match = container.component.flatMap({ byComponent[$0] }) else { continue }
                result[container.id] = match
                owned.insert(match.service)
            } else if let (rank, match) = standIn(container) {
                candidates[match.service, default: []].append((rank, container.project ?? "", container.id, match))
            }
        }
        for (service, list) in candidates where !owned.contains(service) {
            guard let best = list.min(by: { ($0.rank, $0.project) < ($1.rank, $1.project) }) else { continue }
            // Of that project, each component's best-matching containers (a scaled service has several).
            let chosen = list.filter { $0.project == best.project }
            let bestRank = Dictionary(chosen.map { ($0.match.component, $0.rank) }, uniquingKeysWith: min)
            for candidate in chosen where candidate.rank == bestRank[candidate.match.component] { result[candidate.id] = candidate.match }
        }
        return result
    }

    /// How well another project's (or a hand-made) container looks like a catalog component:
    /// 0 by its compose service name, 1 by its container name, 2 by its image.
    func standIn(_ container: ContainerStatus) -> (Int, Assignment)? {
        if let component = container.component, let match = byComponent[component] { return (0, match) }
        if let match = componentOwner[container.name] ?? componentOwner[Self.composeStyleBase(container.name, project: catalog.name)] {
            return (1, match)
        }
        return imageOwner[container.image].map { (2, $0) }
    }

    /// True when `name` is the component's container by name: its `container_name`, its compose
    /// service name, or compose's `<project>-<service>-<n>`.
    static func isNamed(_ name: String, as component: Component, project: String) -> Bool {
        name == component.name || name == component.containerName || composeStyleBase(name, project: project) == component.name
    }

    /// `ailab-qdrant-1` → `qdrant`, as compose names containers.
    static func composeStyleBase(_ name: String, project: String) -> String {
        for separator in ["-", "_"] {
            let prefix = project + separator
            guard name.hasPrefix(prefix) else { continue }
            var rest = name.dropFirst(prefix.count)
            if let last = rest.lastIndex(of: Character(separator)), Int(rest[rest.index(after: last)...]) != nil {
                rest = rest[..<last]
            }
            return String(rest)
        }
        return name
    }
}
