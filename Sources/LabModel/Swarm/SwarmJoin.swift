import LabCatalog

/// Joins the lab's stack in Swarm to the catalog: each catalog service's components that run as
/// Swarm services, with their tasks and the tasks' containers this engine sees. Those
/// containers are taken out of the plain list, so no container-matching rule (name, image)
/// mistakes a task's container for a stand-in.
enum SwarmJoin {
    /// The label the engine puts on every task's container.
    static let taskServiceLabel = "com.docker.swarm.service.id"

    static func split(
        _ containers: [ContainerStatus], catalog: Catalog, swarm: SwarmState?, engineReachable: Bool
    ) -> (byService: [String: [SwarmServiceStatus]], rest: [ContainerStatus]) {
        guard let swarm, swarm.isManager else { return ([:], containers) }
        var byService: [String: [SwarmServiceStatus]] = [:]
        var taken = Set<String>()
        for service in catalog.services {
            for component in service.components {
                guard let deployed = swarm.service(stack: catalog.name, component: component.name) else { continue }
                let own = containers.filter { $0.labels[taskServiceLabel] == deployed.id }.map { container -> ContainerStatus in
                    var container = container
                    container.component = component.name
                    return container
                }
                taken.formUnion(own.map(\.id))
                byService[service.name, default: []].append(
                    SwarmServiceStatus(
                        service: deployed, component: component.name, tasks: swarm.tasks(of: deployed), containers: own,
                        catalogReplicas: component.swarm.replicas ?? 1, healthChecked: component.healthcheck != nil,
                        engineReachable: engineReachable))
            }
        }
        return (byService, containers.filter { !taken.contains($0.id) })
    }
}
