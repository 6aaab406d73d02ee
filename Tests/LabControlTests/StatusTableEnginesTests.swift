@testable import ailab
import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
import Testing

/// `ailab status` as a table over several engines: a line per engine and an ENGINE column.
struct StatusTableEnginesTests {
    @Test func eachEngineHasALineAndEachServiceItsEngine() throws {
        let catalog = try CatalogLoader.load(yaml: MultiEngineSnapshotTests.yaml, file: "multi.yaml")
        let engines = [MultiEngineSnapshotTests.engine("default", up: true), MultiEngineSnapshotTests.engine("gpu", up: false)]
        let containers = [MultiEngineSnapshotTests.on("default", Fixtures.container("lab-db-1", service: "db"))]
        let text = StatusTable.render(LabSnapshot(catalog: catalog, engines: engines, containers: containers))
        #expect(text.contains("  engine default tcp://default:2376 (20.10, API ?)"))
        #expect(text.contains("  engine gpu tcp://gpu:2376 UNREACHABLE: connection refused"))
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("SERVICE") && $0.contains("ENGINE") })
        #expect(rows.contains { $0.contains("web") && $0.contains("gpu") && $0.contains("unknown") })
        #expect(rows.contains { $0.contains("db") && $0.contains("default") && $0.contains("running") })
    }

    @Test func oneEngineKeepsTheTableAsItWas() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [])
        #expect(!StatusTable.render(snapshot).contains("ENGINE"))
    }
}
