import LabModel

/// One row of the Containers screen: a project's heading, or one container with the catalog
/// service it is part of (if any).
public enum ContainerRow: Sendable, Equatable {
    case heading(ContainerGroup, count: Int)
    case container(ContainerStatus, service: String?)

    public var container: ContainerStatus? { if case .container(let container, _) = self { container } else { nil } }
}

/// How the Containers screen groups: the lab's own project first, then the projects standing
/// in for catalog services, then every other project, then containers of no project.
public enum ContainerGroup: Sendable, Hashable, Comparable {
    case lab(String)
    case standIn(String)
    case other(String)
    case noProject

    public var title: String {
        switch self {
        case .lab(let project): return "project \(project) (the lab)"
        case .standIn(let project): return "project \(project) (standing in)"
        case .other(let project): return "project \(project)"
        case .noProject: return "no compose project"
        }
    }
}

extension AppState {
    /// Every container of the engine (the lab's and the others, as `docker ps -a` lists them),
    /// grouped and filtered by the `/` text; names sort within a group so rows never swap.
    public var containerRows: [ContainerRow] {
        var owner: [String: String] = [:]
        for status in snapshot.services { for container in status.containers { owner[container.id] = status.service.name } }
        let standIns = Set(snapshot.services.compactMap(\.standInProject).filter { !$0.isEmpty })
        let lab = snapshot.catalog.name
        func group(_ container: ContainerStatus) -> ContainerGroup {
            guard let project = container.project, !project.isEmpty else { return .noProject }
            return project == lab ? .lab(project) : standIns.contains(project) ? .standIn(project) : .other(project)
        }
        let shown = snapshot.allContainers.filter { matches($0, service: owner[$0.id]) }
        let grouped = Dictionary(grouping: shown, by: group)
        return grouped.keys.sorted().flatMap { key -> [ContainerRow] in
            let members = grouped[key]!.sorted { $0.name < $1.name }
            return [.heading(key, count: members.count)] + members.map { .container($0, service: owner[$0.id]) }
        }
    }

    /// The selected container: the one chosen, or the first listed.
    public var selectedContainerStatus: ContainerStatus? {
        let containers = containerRows.compactMap(\.container)
        return containers.first { $0.id == selectedContainer } ?? containers.first
    }

    private func matches(_ container: ContainerStatus, service: String?) -> Bool {
        guard !filter.isEmpty else { return true }
        let needle = filter.lowercased()
        let haystack = [container.name, container.project ?? "", container.image, service ?? "", container.condition.text]
            + container.ports.map { String($0.host) }
        return haystack.contains { $0.lowercased().contains(needle) }
    }
}
