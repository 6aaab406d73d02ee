import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One catalog component deployed as a Swarm service: its replicas, its tasks, and the tasks'
/// containers this engine can see (the tasks placed on the watched node). Its condition is
/// `ConditionJudge.swarmService`'s word.
public struct SwarmServiceStatus: Sendable, Equatable {
    public var service: SwarmService
    public var component: String
    public var tasks: [SwarmTask]
    /// Containers of its tasks on the watched engine (other nodes' are out of its sight).
    public var containers: [ContainerStatus]
    /// What the catalog asks for when it runs: `deploy.replicas`, else 1. Start scales back to it.
    public var catalogReplicas: Int
    /// The component has a Docker healthcheck: Swarm reports a task running only once it passed.
    public var healthChecked: Bool
    public var condition: ConditionReport

    public init(service: SwarmService, component: String, tasks: [SwarmTask], containers: [ContainerStatus], catalogReplicas: Int, healthChecked: Bool, engineReachable: Bool = true) {
        self.service = service
        self.component = component
        self.tasks = tasks
        self.containers = containers
        self.catalogReplicas = catalogReplicas
        self.healthChecked = healthChecked
        condition = ConditionJudge.swarmService(
            desired: service.replicas, tasks: tasks, containers: containers, healthChecked: healthChecked, engineReachable: engineReachable)
    }

    /// Replicas asked for now (0 once stopped); a global service asks one per running task.
    public var desired: Int { service.replicas ?? running }
    /// Tasks the engine reports running.
    public var running: Int { tasks.filter { $0.desiredState == "running" && $0.state == "running" }.count }
    /// `1/1`: running over desired, as `docker service ls` shows replicas.
    public var replicasText: String { "\(running)/\(desired)" }
}
