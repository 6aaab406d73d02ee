import Canvas
@testable import Console
@testable import ConsoleViews
@testable import DockerClient
import Foundation
import LabCatalog
import LabModel
import Testing

/// The Swarm panel under the Services table: only in a Swarm; nodes, replicas and tasks.
struct SwarmPanelTests {
    static let nodes = """
        [{"ID":"mgr1","Description":{"Hostname":"box-a"},"Spec":{"Role":"manager","Availability":"active"},
          "Status":{"State":"ready","Addr":"10.0.0.1"},"ManagerStatus":{"Leader":true}},
         {"ID":"wrk1","Description":{"Hostname":"box-b"},"Spec":{"Role":"worker","Availability":"drain","Labels":{"gpu":"true"}},
          "Status":{"State":"ready","Addr":"10.0.0.2"}}]
        """

    func state(swarm: SwarmState?) throws -> AppState {
        let catalog = try CatalogLoader.load(yaml: "name: lab\nservices:\n  qdrant:\n    image: q:1\n    x-ailab: {layer: data}\n", file: "f.yaml")
        let engine = EngineInfo(endpoint: "unix:///test.sock", reachable: true, version: "20.10", apiVersion: "1.41")
        var state = AppState(snapshot: LabSnapshot(catalog: catalog, engine: engine, containers: [], swarm: swarm), width: 100, height: 24)
        state.screen = .services
        state.refreshFrame()
        return state
    }

    @Test func noSwarmNoPanel() throws {
        #expect(try state(swarm: nil).frame.swarmLines.isEmpty)
    }

    @Test func aManagerShowsNodesTheStacksReplicasAndWhereEachTaskIs() throws {
        let service = SwarmService(
            id: "s1", name: "lab_qdrant", labels: [SwarmState.stackLabel: "lab", SwarmState.componentLabel: "qdrant"], replicas: 1,
            constraints: ["node.labels.gpu == true"])
        let task = SwarmTask(id: "t1", serviceID: "s1", nodeID: "", slot: 1, desiredState: "ready", state: "pending", error: "no suitable node")
        let swarm = SwarmState(
            joinState: "active", isManager: true, nodeID: "mgr1", nodes: try JSONDecoder().decode([SwarmNode].self, from: Data(Self.nodes.utf8)),
            services: [service], tasks: [task])
        let state = try state(swarm: swarm)
        let screen = ConsoleRenderer.render(state).text
        #expect(screen.contains("Swarm active · manager · 2 nodes"))
        #expect(screen.contains("box-a*") && screen.contains("manager leader") && screen.contains("drain") && screen.contains("gpu=true"))
        #expect(screen.contains("lab_qdrant") && screen.contains("replicas 0/1"))
        #expect(screen.contains("lab_qdrant.1") && screen.contains("pending") && screen.contains("no suitable node"))
        #expect(screen.contains("unhealthy (replicas 0/1"))  // the service's own row: the one condition
        // Its Detail lists the Swarm service and the task in place of containers.
        let detail = DetailContent.lines(state, service: "qdrant").map { $0.map(\.text).joined() }
        #expect(detail.contains { $0.contains("lab_qdrant") && $0.contains("replicas 0/1") })
        #expect(detail.contains { $0.contains("lab_qdrant.1") && $0.contains("no suitable node") })
        #expect(!detail.contains { $0.contains("not created") })
    }

    @Test func aWorkerSaysWhyItShowsNoNodes() throws {
        let lines = try state(swarm: SwarmState(joinState: "active", isManager: false)).frame.swarmLines
        #expect(lines.map(\.text) == ["Swarm active, not a manager: only a manager lists nodes, services and tasks"])
    }
}
