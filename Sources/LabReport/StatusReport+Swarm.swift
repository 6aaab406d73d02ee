import DockerClient
import LabModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `ailab status --json`'s Swarm part: `swarm` (null outside a Swarm) with the join state and
/// the nodes, and on every service `swarm`, its Swarm services with replicas and tasks.
extension StatusReport {
    struct Swarm: Encodable {
        /// `inactive`, `pending`, `active`, `error`, `locked`.
        let joinState: String
        let manager: Bool
        /// With several engines, the watched engine this Swarm was read from (its manager).
        let engine: String?
        let nodes: [Node]

        init(_ state: SwarmState) {
            joinState = state.joinState
            manager = state.isManager
            engine = state.engine
            nodes = state.nodes.map { Node($0, in: state) }
        }
    }

    struct Node: Encodable {
        let id, name, hostname, role, availability, state, address: String
        let leader: Bool
        let labels: [String: String]
        /// The node's condition: healthy (ready, active), stopped (paused or drained), unknown (down).
        let condition: Condition

        init(_ node: SwarmNode, in state: SwarmState) {
            id = node.id
            name = state.nodeName(node.id)
            hostname = node.hostname
            role = node.spec.role
            availability = node.spec.availability
            self.state = node.state
            address = node.address
            leader = node.isLeader
            labels = node.spec.labels
            condition = SwarmState.condition(of: node)
        }
    }

    struct SwarmServiceReport: Encodable {
        let name, id, component: String
        let replicas: Replicas
        let constraints: [String]
        let tasks: [Task]

        init(_ status: SwarmServiceStatus, in state: SwarmState?) {
            name = status.service.name
            id = status.service.id
            component = status.component
            replicas = Replicas(running: status.running, desired: status.desired)
            constraints = status.service.constraints
            tasks = status.tasks.map { Task($0, in: state) }
        }
    }

    struct Replicas: Encodable { let running, desired: Int }

    struct Task: Encodable {
        let id, node, state, desiredState: String
        @Nullable var slot: Int?
        @Nullable var error: String?
        @Nullable var containerId: String?

        init(_ task: SwarmTask, in state: SwarmState?) {
            id = task.id
            node = state?.nodeName(task.nodeID) ?? task.nodeID
            self.state = task.state
            desiredState = task.desiredState
            slot = task.slot
            error = task.error
            containerId = task.containerID
        }
    }
}
