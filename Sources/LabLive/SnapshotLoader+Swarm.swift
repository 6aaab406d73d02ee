import DockerClient
import LabCatalog
import LabModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SnapshotLoader {
    /// The Swarm as this engine sees it: its join state always, and when it is a manager the
    /// nodes, the lab's stack (named after the catalog's project) with its services and their
    /// tasks (three calls side by side). nil when the engine is in no Swarm (then nothing about
    /// Swarm is shown anywhere).
    public func swarmState() async throws -> SwarmState? {
        let stack = catalog.name
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
