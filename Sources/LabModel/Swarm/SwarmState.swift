import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a Swarm manager says of the Swarm, at one moment: the join state, the nodes, and the
/// lab's stack (services labelled `com.docker.stack.namespace` = the catalog's project, as
/// `docker stack deploy` labels them) with their tasks. A manager's API sees every node,
/// service and task, so ailab asks only the engine it watches.
public struct SwarmState: Sendable, Equatable {
    /// `inactive`, `pending`, `active`, `error`, `locked`: the watched engine's join state.
    public var joinState: String
    public var isManager: Bool
    /// The watched engine's own node id.
    public var nodeID: String
    public var nodes: [SwarmNode]
    public var services: [SwarmService]
    public var tasks: [SwarmTask]
    /// The watched engine this was read from, when several are watched: the lab's Swarm
    /// services are placed on it and their actions go to it (`chosen(from:)`).
    public var engine: String?

    public init(joinState: String, isManager: Bool, nodeID: String = "", nodes: [SwarmNode] = [], services: [SwarmService] = [], tasks: [SwarmTask] = []) {
        self.joinState = joinState
        self.isManager = isManager
        self.nodeID = nodeID
        self.nodes = nodes
        self.services = services
        self.tasks = tasks
    }

    /// The label `docker stack deploy` puts on a stack's services, networks, secrets and containers.
    public static let stackLabel = "com.docker.stack.namespace"
    /// The compose service (catalog component) a Swarm service of the lab's stack deploys.
    public static let componentLabel = "com.docker.compose.service"
    /// `docker stack deploy` names a stack's service `<stack>_<service>`.
    public static func serviceName(stack: String, component: String) -> String { "\(stack)_\(component)" }

    /// A node's name for people: its hostname, or its id's first 12 characters when hostnames clash.
    public func nodeName(_ id: String) -> String {
        guard let node = nodes.first(where: { $0.id == id }) else { return id.isEmpty ? "-" : String(id.prefix(12)) }
        let clash = nodes.filter { $0.hostname == node.hostname }.count > 1
        return node.hostname.isEmpty || clash ? String(id.prefix(12)) : node.hostname
    }

    /// The lab stack's Swarm service that deploys `component`, if there is one.
    public func service(stack: String, component: String) -> SwarmService? {
        services.first { $0.labels[Self.stackLabel] == stack && ($0.labels[Self.componentLabel] == component || $0.name == Self.serviceName(stack: stack, component: component)) }
    }

    /// A service's tasks, newest first within each slot.
    public func tasks(of service: SwarmService) -> [SwarmTask] {
        tasks.filter { $0.serviceID == service.id }.sorted { ($0.slot ?? 0, $1.timestamp ?? "") < ($1.slot ?? 0, $0.timestamp ?? "") }
    }
}

extension SwarmState {
    /// A node in the one condition vocabulary: ready and active is healthy; paused or drained
    /// (the operator's choice) is stopped; down or disconnected is unknown (nothing is known of
    /// its tasks). Engine API "NodeState": unknown, down, ready, disconnected.
    public static func condition(of node: SwarmNode) -> Condition {
        guard node.state == "ready" else { return .unknown }
        return node.spec.availability == "active" ? .healthy : .stopped
    }
}
