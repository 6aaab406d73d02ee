import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabControl
@testable import LabLive
import Testing

/// The console's merge of several engines' live labs: each engine's latest snapshot, and a
/// service that was seen on an engine stays there (unknown) when that engine goes away.
struct LabSetMergeTests {
    @Test func anEngineThatGoesAwayTakesOnlyItsServices() async throws {
        let catalog = try Fixtures.catalog()
        let merger = LabSet.Merger(catalog: catalog, names: ["a", "b"], endpoints: [.unix(path: "/a.sock"), .tcp(host: "b", port: 2376)])
        let upA = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [Fixtures.container("lab-web-1", service: "web")])
        let upB = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [Fixtures.container("lab-db-1", service: "db")])
        _ = await merger.merge(upA, from: 0)
        let both = await merger.merge(upB, from: 1)
        #expect(both.status(of: "web")?.engine == "a" && both.status(of: "db")?.engine == "b")
        #expect(both.status(of: "db")?.condition.condition == .running)
        #expect(both.allContainers.first { $0.name == "lab-db-1" }?.engine == "b")

        let downB = LabSnapshot(catalog: catalog, engine: EngineInfo(endpoint: "tcp://b:2376", reachable: false, error: "connection refused"), containers: [])
        let after = await merger.merge(downB, from: 1)
        #expect(after.status(of: "db")?.engine == "b")
        #expect(after.status(of: "db")?.condition.condition == .unknown)
        #expect(after.status(of: "web")?.condition.condition == .running)
        #expect(after.engines.map(\.reachable) == [true, false])
        #expect(after.status(of: "big")?.condition.condition == .notInstalled)  // never seen: on the default engine
    }
}
