import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabLive
@testable import LabModel
import Testing

/// Swarm beside several engines (issue 16): the manager among the watched engines owns the
/// lab's Swarm services (placed on it, actions to it, unknown with it), and the live lab reads
/// the Swarm when an event says it changed, until it settles.
struct SwarmBesideEnginesTests {
    static let endpoints: [DockerEndpoint] = [.unix(path: "/a.sock"), .tcp(host: "b", port: 2376)]

    /// Engine a is in no Swarm; engine b manages one that runs the lab's `web` as a Swarm service.
    @Test func theManagersSwarmServicesAreOnTheManagersEngine() async throws {
        let catalog = try Fixtures.catalog()
        let merger = LabSet.Merger(catalog: catalog, names: ["a", "b"], endpoints: Self.endpoints)
        let swarm = try SwarmFixtures.swarm(services: [SwarmFixtures.service("web", replicas: 1)], tasks: [SwarmFixtures.task("web", state: "running")])
        let onA = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [Fixtures.container("lab-db-1", service: "db")])
        let onB = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [], swarm: swarm)
        _ = await merger.merge(onA, from: 0)
        let both = await merger.merge(onB, from: 1)
        #expect(both.swarm?.engine == "b" && both.swarm?.isManager == true)
        #expect(both.swarm?.nodes.count == 2)
        let web = try #require(both.status(of: "web"))
        #expect(web.isSwarm && web.engine == "b", "\(web.engine ?? "-")")
        #expect(web.condition.condition == .running)
        #expect(web.swarm.first?.running == 1)
        #expect(both.status(of: "db")?.engine == "a")
        // Actions follow `engine` (EffectRunner+Engines, GlobalOptions+Engines): a scale goes to b.
        #expect(both.lastSeen["web"] == "b")

        // b stops answering (its live lab keeps the last Swarm): web is unknown, not uninstalled.
        var downB = LabSnapshot(catalog: catalog, engine: EngineInfo(endpoint: "tcp://b:2376", reachable: false, error: "refused"), containers: [])
        downB.swarm = swarm
        let after = await merger.merge(downB, from: 1)
        #expect(after.status(of: "web")?.engine == "b")
        #expect(after.status(of: "web")?.condition.condition == .unknown)
        #expect(after.status(of: "web")?.swarm.first?.condition.condition == .unknown)  // its Swarm panel row too
        #expect(after.status(of: "db")?.condition.condition == .running)
    }

    /// The first manager among the engines, whatever its place; a worker's join state otherwise.
    @Test func theFirstManagerIsTheLabsSwarm() throws {
        let worker = SwarmState(joinState: "active", isManager: false, nodeID: "wrk1")
        let manager = try SwarmFixtures.swarm(services: [], tasks: [])
        #expect(SwarmState.chosen(from: [("a", worker), ("b", manager)])?.engine == "b")
        #expect(SwarmState.chosen(from: [("a", nil), ("b", worker)]) == { var w = worker; w.engine = "b"; return w }())
        #expect(SwarmState.chosen(from: [("a", nil), ("b", nil)]) == nil)
    }

    /// A Swarm on its way (a task starting, fewer replicas running than asked, a task meant to
    /// stop still running) is not settled; one that got there is.
    @Test func aSwarmIsSettledOnlyWhenEveryTaskGotWhereItIsMeantToBe() throws {
        let two = SwarmFixtures.service("web", replicas: 2)
        let running = [SwarmFixtures.task("web", slot: 1, state: "running"), SwarmFixtures.task("web", slot: 2, state: "running")]
        #expect(try SwarmFixtures.swarm(services: [two], tasks: running).isSettled)
        #expect(try !SwarmFixtures.swarm(services: [two], tasks: [running[0], SwarmFixtures.task("web", slot: 2, state: "starting")]).isSettled)
        #expect(try !SwarmFixtures.swarm(services: [two], tasks: [running[0]]).isSettled)
        let stopping = SwarmFixtures.task("web", slot: 3, desired: "shutdown", state: "running")
        #expect(try !SwarmFixtures.swarm(services: [two], tasks: running + [stopping]).isSettled)
        let stopped = SwarmFixtures.task("web", slot: 3, desired: "shutdown", state: "shutdown")
        #expect(try SwarmFixtures.swarm(services: [two], tasks: running + [stopped]).isSettled)
        // A task that cannot be placed ("no suitable node") stays pending: never settled.
        let pending = SwarmFixtures.task("web", slot: 1, state: "pending", error: "no suitable node")
        #expect(try !SwarmFixtures.swarm(services: [SwarmFixtures.service("web", replicas: 1)], tasks: [pending]).isSettled)
    }

    /// Only Swarm events ring: a service or node event, or a task's container.
    @Test func swarmEventsAreTheOnesThatTouchTheSwarm() {
        #expect(LiveLab.touchesSwarm(EngineEvent(type: "service", action: "update", actorID: "svc", time: 0)))
        #expect(LiveLab.touchesSwarm(EngineEvent(type: "node", action: "update", actorID: "n1", time: 0)))
        #expect(LiveLab.touchesSwarm(EngineEvent(type: "container", action: "die", actorID: "c", attributes: ["com.docker.swarm.service.id": "svc"], time: 0)))
        #expect(!LiveLab.touchesSwarm(EngineEvent(type: "container", action: "die", actorID: "c", time: 0)))
        #expect(LiveLab.eventQuery.types == ["container", "service", "node"] && LiveLab.eventQuery.actions.contains("remove"))
    }

    /// A ring wakes the wait at once, also one that came before it; with none, the limit ends it.
    @Test func theDoorbellWakesEarlyAndKeepsARingForTheNextWait() async {
        let bell = Doorbell()
        bell.ring()
        #expect(await bell.wait(upTo: .seconds(30)))  // kept from before: at once
        let started = ContinuousClock.now
        #expect(await !bell.wait(upTo: .milliseconds(50)))
        #expect(ContinuousClock.now - started >= .milliseconds(50))
        Task.detached {
            try? await Task.sleep(for: .milliseconds(50))
            bell.ring()
        }
        #expect(await bell.wait(upTo: .seconds(60)))
        let waiting = Task { await bell.wait(upTo: .seconds(60)) }
        waiting.cancel()
        #expect(await !waiting.value)
    }
}
