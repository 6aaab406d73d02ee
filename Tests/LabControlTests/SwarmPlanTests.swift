import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// The planner's Swarm rules: install --swarm creates Swarm services; start/stop scale; remove asks.
struct SwarmPlanTests {
    let catalog = try! Fixtures.catalog()

    func snapshot(replicas: Int, running: Bool) throws -> LabSnapshot {
        let tasks = running ? [SwarmFixtures.task("db", state: "running")] : []
        let swarm = try SwarmFixtures.swarm(services: [SwarmFixtures.service("db", replicas: replicas)], tasks: tasks)
        return LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [], swarm: swarm)
    }

    @Test func installWithSwarmMarksTheEntriesAndLeavesAnInstalledOneAlone() throws {
        let fresh = ActionPlanner(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [])).plan(ActionRequest(.install, ["web"], swarm: true))
        #expect(fresh.entries.map(\.swarm) == [true, true])
        #expect(fresh.entries[1].summary == "install web (Swarm service)")
        let again = ActionPlanner(snapshot: try snapshot(replicas: 1, running: true)).plan(ActionRequest(.install, ["db"], swarm: true))
        #expect(again.entries.map(\.operation) == [.nothing("already installed as a Swarm service (replicas 1/1)")])
        #expect(!again.changesSomething)
    }

    @Test func installWithSwarmRefusesAServiceRunningAsAContainer() {
        let container = Fixtures.container("lab-db-1", service: "db", image: "postgres:17")
        let plan = ActionPlanner(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [container])).plan(ActionRequest(.install, ["db"], swarm: true))
        #expect(plan.refusals == ["db runs as a container on this engine: `ailab remove db` first to deploy it to Swarm"])
    }

    @Test func stopScalesToZeroAndStartScalesBack() throws {
        let stop = ActionPlanner(snapshot: try snapshot(replicas: 1, running: true)).plan(ActionRequest(.stop, ["db"]))
        #expect(stop.entries.map(\.operation) == [.stop] && stop.entries[0].swarm)
        let stopped = try snapshot(replicas: 0, running: false)
        #expect(ActionPlanner(snapshot: stopped).plan(ActionRequest(.stop, ["db"])).entries.map(\.operation) == [.nothing("already scaled to 0")])
        let start = ActionPlanner(snapshot: stopped).plan(ActionRequest(.start, ["db"]))
        #expect(start.refusals.isEmpty)
        #expect(start.entries.map(\.operation) == [.start] && start.entries[0].swarm)
        #expect(ActionPlanner(snapshot: try snapshot(replicas: 1, running: true)).plan(ActionRequest(.start, ["db"])).entries.map(\.operation) == [.nothing("already running (replicas 1/1)")])
    }

    @Test func removeRemovesTheSwarmServiceAfterAsking() throws {
        let plan = ActionPlanner(snapshot: try snapshot(replicas: 1, running: true)).plan(ActionRequest(.remove, ["db"]))
        #expect(plan.entries.map(\.operation) == [.remove(containers: ["lab_db"], volumes: [])])
        #expect(plan.entries[0].swarm)
        #expect(plan.questions.first?.hasPrefix("Remove the Swarm service lab_db of db") == true)
    }
}
