import DockerClient
import LabModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the Swarm from the watched engine: its join state always, and when it is a manager
/// the nodes, the lab's stack's services and their tasks (three calls side by side).
public struct SwarmLoader: Sendable {
    public let client: DockerClient
    /// The catalog's project: the stack's name.
    public let stack: String

    public init(client: DockerClient, stack: String) {
        self.client = client
        self.stack = stack
    }

    /// nil when the engine is in no Swarm (then nothing about Swarm is shown anywhere).
    public func state() async throws -> SwarmState? {
        let membership = try await client.swarmMembership()
        guard membership.localNodeState != "inactive" else { return nil }
        guard membership.isManager, membership.localNodeState == "active" else {
            // A worker (or a node not yet joined) cannot list the Swarm: its join state says why.
            return SwarmState(joinState: membership.localNodeState, isManager: false, nodeID: membership.nodeID)
        }
        async let nodes = client.listNodes()
        let services = try await client.listServices(filters: ["label": ["\(SwarmState.stackLabel)=\(stack)"]])
        let tasks = services.isEmpty ? [] : try await client.listTasks(filters: ["service": services.map(\.id)])
        return SwarmState(joinState: membership.localNodeState, isManager: true, nodeID: membership.nodeID, nodes: try await nodes, services: services, tasks: tasks)
    }
}
