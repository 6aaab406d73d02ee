import DockerClient
import Foundation
import LabCatalog
@testable import LabLive
import LabModel
import Synchronization
import TestSupport
import Testing

/// Issue 16: the Swarm beside a second engine, and followed from the manager's events.
extension SwarmOnEngineTests {
    /// Watched as two engines (the worker named first), the lab's Swarm is the manager's: qdrant
    /// is on the manager with replicas 1/1. Then a scale made with the engine API, not ailab,
    /// shows in a live lab whose safety re-read is an hour away: only the `service` event can
    /// have made it read the Swarm again.
    @Test func theSwarmBesideASecondEngineAndAScaleFollowedFromEvents() async throws {
        let lab = try Lab()
        defer { _ = try? lab.ailab("remove", "qdrant", "--yes") }
        let install = try lab.ailab("install", "qdrant", "--swarm", "--wait", "60")
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")

        let manager = try #require(Self.manager)
        let worker = try #require(Self.environment["AILAB_TEST_SWARM_WORKER"])
        var both: [String: Any] = [:]
        for _ in 0..<40 {
            let result = try AilabBinary.run(
                ["status", "--json", "--catalog", lab.path, "--engine", worker, "--engine", manager, "--timeout", "10"], environment: ["XDG_STATE_HOME": lab.state])
            both = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
            if let qdrant = ((both["services"] as? [[String: Any]]) ?? []).first(where: { $0["name"] as? String == "qdrant" }), Self.replicas(qdrant) == "1/1" { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let qdrant = try #require(((both["services"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "qdrant" })
        #expect(Self.replicas(qdrant) == "1/1" && qdrant["engine"] as? String == manager, "\(qdrant)")
        let swarm = try #require(both["swarm"] as? [String: Any])
        #expect(swarm["engine"] as? String == manager && swarm["manager"] as? Bool == true && (swarm["nodes"] as? [Any])?.count == 2, "\(swarm)")

        let catalog = try CatalogLoader.load(yaml: Self.catalog(lab.project), file: lab.path)
        let live = LiveLab(client: lab.client, catalog: catalog, swarmSafetyInterval: .seconds(3600))
        let latest = Latest()
        let reader = Task.detached {
            for await update in live.updates() { if case .snapshot(let snapshot) = update { latest.set(snapshot) } }
        }
        defer { reader.cancel() }
        #expect(await latest.wait(60) { $0 == "1/1" }, "\(latest.replicas ?? "-")")
        let service = try #require(try await lab.client.listServices(filters: ["name": ["\(lab.project)_qdrant"]]).first)
        try await lab.client.scaleService(service.id, replicas: 0)
        #expect(await latest.wait(60) { $0 == "0/0" }, "scaled to 0 by the API: \(latest.replicas ?? "-")")
        // Back to 1: the update event reads it at once, and the re-reads while it settles see the
        // replica start on the worker (no event reaches the manager for that).
        try await lab.client.scaleService(service.id, replicas: 1)
        #expect(await latest.wait(60) { $0 == "1/1" }, "scaled to 1 by the API: \(latest.replicas ?? "-")")
    }
}

/// The live lab's latest qdrant replicas, from its reading task.
private final class Latest: Sendable {
    private let value = Mutex<String?>(nil)

    func set(_ snapshot: LabSnapshot) {
        let text = snapshot.status(of: "qdrant")?.swarm.first?.replicasText
        value.withLock { $0 = text }
    }

    var replicas: String? { value.withLock { $0 } }

    /// Polls until `condition` holds on the replicas, or `seconds` pass.
    func wait(_ seconds: Double, _ condition: (String?) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition(replicas) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return condition(replicas)
    }
}
