@testable import DockerClient
import Foundation
import LabCatalog
@testable import LabModel

/// A hand-made Swarm of two nodes (a manager, a worker labelled gpu=true) and tasks, for tests
/// that need no engine. The JSON is shaped as the Engine API 1.41 answers /nodes.
enum SwarmFixtures {
    static let nodesJSON = """
        [{"ID":"mgr1","Version":{"Index":9},"Description":{"Hostname":"box-a"},
          "Spec":{"Role":"manager","Availability":"active","Labels":{}},
          "Status":{"State":"ready","Addr":"10.0.0.1"},"ManagerStatus":{"Leader":true}},
         {"ID":"wrk1","Version":{"Index":12},"Description":{"Hostname":"box-b"},
          "Spec":{"Role":"worker","Availability":"drain","Labels":{"gpu":"true"}},
          "Status":{"State":"ready","Addr":"10.0.0.2"}}]
        """

    static func nodes() throws -> [SwarmNode] { try JSONDecoder().decode([SwarmNode].self, from: Data(nodesJSON.utf8)) }

    static func service(_ component: String, replicas: Int?, stack: String = "lab") -> SwarmService {
        SwarmService(
            id: "svc-\(component)", name: "\(stack)_\(component)",
            labels: [SwarmState.stackLabel: stack, SwarmState.componentLabel: component], image: "example/web:1", replicas: replicas,
            constraints: ["node.labels.gpu == true"])
    }

    static func task(
        _ component: String, slot: Int = 1, desired: String = "running", state: String, error: String? = nil, node: String = "wrk1",
        at time: String = "2026-11-27T18:00:00.000000000Z"
    ) -> SwarmTask {
        SwarmTask(
            id: "task-\(component)-\(slot)-\(state)", serviceID: "svc-\(component)", nodeID: node, slot: slot, desiredState: desired,
            state: state, error: error, timestamp: time)
    }

    static func swarm(services: [SwarmService], tasks: [SwarmTask]) throws -> SwarmState {
        SwarmState(joinState: "active", isManager: true, nodeID: "mgr1", nodes: try nodes(), services: services, tasks: tasks)
    }
}
