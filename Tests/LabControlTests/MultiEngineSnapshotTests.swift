import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabReport
import Testing

/// One lab over several engines, with no engine: where each service is said to run, and that an
/// engine going away makes unknown only the services on it.
struct MultiEngineSnapshotTests {
    static let yaml = """
        name: lab
        services:
          web:
            image: example/web:1
            x-ailab: {layer: app, engine: gpu}
          db:
            image: postgres:17
            x-ailab: {layer: data}
          cache:
            image: redis:7
            x-ailab: {layer: data, engine: nowhere}
        """

    static func engine(_ name: String, up: Bool) -> EngineInfo {
        var info = EngineInfo(endpoint: "tcp://\(name):2376", reachable: up, version: up ? "20.10" : nil, error: up ? nil : "connection refused")
        info.name = name
        return info
    }

    static func on(_ engine: String, _ container: ContainerStatus) -> ContainerStatus {
        var container = container
        container.engine = engine
        return container
    }

    @Test func theCatalogReadsXAilabEngine() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "multi.yaml")
        #expect(catalog.services.first { $0.name == "web" }?.engine == "gpu")
        #expect(catalog.services.first { $0.name == "db" }?.engine == nil)
        #expect(throws: (any Error).self) { try CatalogLoader.load(yaml: "services:\n  a:\n    image: x\n    x-ailab: {engine: \"\"}\n", file: "bad.yaml") }
    }

    @Test func eachServiceIsOnTheEngineThatRunsItElseWhereItIsPlaced() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "multi.yaml")
        // db runs on gpu although it has no placement: found where it runs.
        let containers = [Self.on("gpu", Fixtures.container("lab-db-1", service: "db"))]
        let snapshot = LabSnapshot(catalog: catalog, engines: [Self.engine("default", up: true), Self.engine("gpu", up: true)], containers: containers)
        #expect(snapshot.status(of: "db")?.engine == "gpu")
        #expect(snapshot.status(of: "db")?.condition.condition == .running)
        #expect(snapshot.status(of: "web")?.engine == "gpu")  // placed, not installed
        #expect(snapshot.status(of: "web")?.condition.condition == .notInstalled)
        #expect(snapshot.status(of: "cache")?.engine == "default")  // its engine is not watched
        #expect(snapshot.lastSeen == ["db": "gpu"])
    }

    @Test func anEngineGoingDownMarksUnknownOnlyItsServices() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "multi.yaml")
        let engines = [Self.engine("default", up: true), Self.engine("gpu", up: false)]
        let containers = [Self.on("default", Fixtures.container("lab-cache-1", service: "cache"))]
        // db was last seen on gpu: unknown now, not "not installed" on the default engine.
        let snapshot = LabSnapshot(catalog: catalog, engines: engines, containers: containers, lastSeen: ["db": "gpu"])
        #expect(snapshot.status(of: "db")?.condition.condition == .unknown)
        #expect(snapshot.status(of: "web")?.condition.condition == .unknown)
        #expect(snapshot.status(of: "cache")?.condition.condition == .running)
        #expect(snapshot.engine.reachable && snapshot.engine.error == "gpu: connection refused")
        #expect(StatusExit(snapshot) == .unreachable)
        // Seen on an engine no longer watched: placed as if never seen; removed where it ran: forgotten.
        let moved = LabSnapshot(catalog: catalog, engines: engines, containers: [], lastSeen: ["cache": "retired", "db": "gpu"])
        #expect(moved.status(of: "cache")?.engine == "default" && moved.status(of: "cache")?.condition.condition == .notInstalled)
        #expect(moved.lastSeen == ["cache": "retired", "db": "gpu"].filter { $0.key == "db" })
        // Probes and new conditions keep the placement.
        #expect(snapshot.with(probes: [:]).status(of: "db")?.condition.condition == .unknown)

        let json = StatusReport(snapshot).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let listed = try #require(object["engines"] as? [[String: Any]])
        #expect(listed.map { $0["name"] as? String } == ["default", "gpu"])
        #expect(listed.map { $0["reachable"] as? Bool } == [true, false])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.map { $0["engine"] as? String } == ["gpu", "gpu", "default"])
        let cache = try #require(services.first { $0["name"] as? String == "cache" }?["containers"] as? [[String: Any]])
        #expect(cache.first?["engine"] as? String == "default")
    }
}
