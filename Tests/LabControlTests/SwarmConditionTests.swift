import Basics
import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
import Testing

/// The Swarm rule of the one condition model: replicas as the state, a task's error as the reason.
struct SwarmConditionTests {
    func judge(_ desired: Int?, _ tasks: [SwarmTask], containers: [ContainerStatus] = [], checked: Bool = true, reachable: Bool = true) -> ConditionReport {
        ConditionJudge.swarmService(desired: desired, tasks: tasks, containers: containers, healthChecked: checked, engineReachable: reachable)
    }

    @Test func everyReplicaRunningIsHealthyWhenCheckedElseRunning() {
        let tasks = [SwarmFixtures.task("web", state: "running")]
        #expect(judge(1, tasks) == ConditionReport(.healthy, since: EngineTime.parse("2026-11-27T18:00:00.000000000Z"), detail: "replicas 1/1"))
        #expect(judge(1, tasks, checked: false).condition == .running)
    }

    @Test func scaledToZeroIsStoppedNotAFailure() {
        let report = judge(0, [SwarmFixtures.task("web", desired: "shutdown", state: "shutdown")])
        #expect(report.condition == .stopped)
        #expect(report.detail == "replicas 0/0, scaled to 0")
        #expect(!report.condition.isTrouble)
    }

    @Test func aTaskNoNodeMayTakeIsTroubleWithTheSchedulersWords() {
        let why = "no suitable node (1 node not available for new tasks; scheduling constraints not satisfied on 1 node)"
        let tasks = [
            SwarmFixtures.task("web", desired: "shutdown", state: "shutdown"),
            SwarmFixtures.task("web", slot: 1, desired: "ready", state: "pending", error: why, node: ""),
        ]
        let report = judge(1, tasks)
        #expect(report.condition == .unhealthy)
        #expect(report.detail == "replicas 0/1, pending: \(why)")
    }

    @Test func aFailedTaskBeingReplacedIsACrashLoopWithItsError() {
        let tasks = [
            SwarmFixtures.task("web", desired: "shutdown", state: "failed", error: "task: non-zero exit (3)"),
            SwarmFixtures.task("web", state: "starting", at: "2026-11-27T18:00:05.000000000Z"),
        ]
        let report = judge(1, tasks)
        #expect(report.condition == .restarting)
        #expect(report.detail == "replicas 0/1, task: non-zero exit (3)")
    }

    @Test func startingWithNoErrorIsStarting() {
        #expect(judge(2, [SwarmFixtures.task("web", state: "running"), SwarmFixtures.task("web", slot: 2, state: "preparing")]).condition == .starting)
    }

    @Test func aVisibleContainerThatTurnedUnhealthySpeaksForTheService() {
        var container = Fixtures.container("lab_web.1.x", project: nil, status: "Up 1 minute (unhealthy)")
        container.health = .unhealthy
        let report = judge(1, [SwarmFixtures.task("web", state: "running")], containers: [container])
        #expect(report.condition == .unhealthy)
        #expect(report.detail?.hasPrefix("replicas 1/1") == true)
    }

    @Test func anEngineThatDoesNotAnswerIsUnknown() {
        #expect(judge(1, [SwarmFixtures.task("web", state: "running")], reachable: false).condition == .unknown)
    }

    @Test func theSnapshotReadsTheStackServiceAsTheCatalogServiceAndTakesItsTaskContainers() throws {
        let catalog = try Fixtures.catalog()
        let swarm = try SwarmFixtures.swarm(services: [SwarmFixtures.service("db", replicas: 1)], tasks: [SwarmFixtures.task("db", state: "running", node: "mgr1")])
        var taskContainer = Fixtures.container("lab_db.1.abc", project: nil, image: "postgres:17")
        taskContainer.labels[SwarmJoin.taskServiceLabel] = "svc-db"
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [taskContainer], swarm: swarm)
        let db = try #require(snapshot.status(of: "db"))
        #expect(db.isInstalled && db.isSwarm)
        #expect(db.containers.isEmpty)  // not a stand-in matched by image
        #expect(db.swarm.first?.containers.map(\.id) == [taskContainer.id])
        #expect(db.condition.condition == .running && db.condition.detail == "replicas 1/1")
        #expect(db.state == .running)
        #expect(snapshot.others.isEmpty)
        #expect(snapshot.with(probes: [:]).status(of: "db")?.swarm.first?.containers.count == 1)
        // Outside the stack (another project's service) nothing is taken.
        let other = try SwarmFixtures.swarm(services: [SwarmFixtures.service("db", replicas: 1, stack: "else")], tasks: [])
        #expect(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [], swarm: other).status(of: "db")?.isInstalled == false)
    }

    @Test func nodesReadInTheConditionVocabulary() throws {
        let nodes = try SwarmFixtures.nodes()
        #expect(nodes.map(SwarmState.condition(of:)) == [.healthy, .stopped])
        #expect(nodes[1].spec.labels == ["gpu": "true"] && nodes[1].version == 12 && nodes[0].isLeader)
    }
}
