import LabCatalog

/// Which catalog service, and which of its components, a container is.
public struct Assignment: Sendable, Equatable {
    public var service: String
    public var component: String
}

/// Decides which catalog service a container is: by compose label (the catalog's project
/// first), then by container name, then by image.
public struct ServiceMapper: Sendable {
    public let catalog: Catalog
    private let componentOwner: [String: Assignment]
    private let imageOwner: [String: Assignment]

    public init(catalog: Catalog) {
        self.catalog = catalog
        var owner: [String: Assignment] = [:]
        var images: [String: [Assignment]] = [:]
        for service in catalog.services {
            for component in service.components {
                let assignment = Assignment(service: service.name, component: component.name)
                owner[component.name] = assignment
                if let name = component.containerName { owner[name] = assignment }
                images[component.image, default: []].append(assignment)
            }
        }
        componentOwner = owner
        // An image two components share (postgres for the lab and for dify's own db) says nothing.
        imageOwner = images.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// Maps each container id to its service and component, or nil for "other".
    public func assign(_ containers: [ContainerStatus]) -> [String: Assignment?] {
        var result: [String: Assignment?] = [:]
        // Components the catalog's own project already has containers for: another project's
        // container with the same service label is someone else's, not the lab's.
        let ownProject = Set(containers.filter { $0.project == catalog.name }.compactMap(\.component))
        for container in containers {
            result[container.id] = service(for: container, ownProjectComponents: ownProject)
        }
        return result
    }

    func service(for container: ContainerStatus, ownProjectComponents: Set<String>) -> Assignment? {
        if let component = container.component, let owner = componentOwner[component] {
            if container.project == catalog.name { return owner }
            if !ownProjectComponents.contains(component) { return owner }
            return nil
        }
        if container.component != nil { return nil }  // compose-managed, but not a lab service
        // A name or image match only stands in while the lab's own project has no container
        // for that component: once installed, a look-alike is someone else's.
        let match = componentOwner[container.name] ?? componentOwner[Self.composeStyleBase(container.name, project: catalog.name)]
            ?? imageOwner[container.image]
        guard let match, !ownProjectComponents.contains(match.component) else { return nil }
        return match
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
