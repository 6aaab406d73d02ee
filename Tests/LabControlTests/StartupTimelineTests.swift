import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabReport
import Testing

/// The start-up timeline on fixed times: created → started → healthy per service, grouped by
/// layer, the slowest named, and only the latest start-up.
struct StartupTimelineTests {
    let catalog = try! Fixtures.catalog()
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A running container created at t0+created, started at t0+started, healthy from t0+healthy
    /// (nil: no healthcheck; .infinity: still starting).
    func container(_ name: String, service: String, created: Double, started: Double, healthy: Double?) -> ContainerStatus {
        let status = healthy == nil ? "Up 1 minute" : healthy!.isFinite ? "Up 1 minute (healthy)" : "Up 1 minute (health: starting)"
        var container = Fixtures.container(name, service: service, status: status)
        container.createdAt = Self.t0 + created
        container.startedAt = Self.t0 + started
        if let healthy, healthy.isFinite { container.healthSince = Self.t0 + healthy }
        container.inspected = true
        return container
    }

    func timeline(_ containers: [ContainerStatus]) -> StartupTimeline {
        StartupTimeline(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers, takenAt: Self.t0 + 600))
    }

    @Test func eachServiceFromCreatedToHealthyByLayerWithTheSlowestNamed() throws {
        let timeline = timeline([
            container("lab-db-1", service: "db", created: 0, started: 0.5, healthy: 6),
            container("lab-web-1", service: "web", created: 7, started: 7.2, healthy: nil),
            container("lab-big-1", service: "big", created: 1, started: 2, healthy: 30),
            container("lab-big-cache-1", service: "big-cache", created: 1, started: 1.5, healthy: 4),
            container("big-database", service: "big-db", created: 1, started: 3, healthy: .infinity),
        ])
        #expect(timeline.layers.map(\.layer) == [.app, .data])
        #expect(timeline.layers[1].entries.map(\.service) == ["db", "big"])
        let db = try #require(timeline.layers[1].entries.first)
        #expect(db.created == Self.t0 && db.started == Self.t0 + 0.5 && db.healthy == Self.t0 + 6)
        // No healthcheck: up once started.
        #expect(timeline.layers[0].entries[0].healthy == Self.t0 + 7.2)
        // A service is healthy once its last component is; one still starting leaves it not healthy.
        let big = timeline.layers[1].entries[1]
        #expect(big.started == Self.t0 + 3 && big.healthy == nil && big.condition == .starting)
        #expect(timeline.slowest?.service == "db")
        #expect(timeline.began == Self.t0)
    }

    @Test func onlyTheLatestStartUpCounts() {
        let timeline = timeline([
            container("lab-db-1", service: "db", created: 0, started: 1, healthy: 5),
            container("lab-web-1", service: "web", created: 3000, started: 3001, healthy: 3020),
        ])
        #expect(timeline.layers.flatMap(\.entries).map(\.service) == ["web"])
        #expect(timeline.slowest?.service == "web" && timeline.slowest?.seconds == 20)
        #expect(timeline.began == Self.t0 + 3000)
    }

    @Test func stoppedServicesAndAnEmptyLabHaveNoTimeline() {
        var stopped = Fixtures.container("lab-db-1", service: "db", state: "exited", status: "Exited (137) 1 minute ago")
        stopped.createdAt = Self.t0
        let empty = timeline([stopped])
        #expect(empty.layers.isEmpty && empty.slowest == nil && empty.began == nil)
    }

    @Test func statusJSONCarriesTheTimeline() throws {
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [
            container("lab-db-1", service: "db", created: 0, started: 0.5, healthy: 6.04),
        ], takenAt: Self.t0 + 60)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(StatusReport(snapshot).json().utf8)) as? [String: Any])
        let timeline = try #require(json["timeline"] as? [String: Any])
        #expect(timeline["began"] as? String == "2027-01-15T08:00:00Z")
        let layers = try #require(timeline["layers"] as? [[String: Any]])
        #expect(layers.first?["layer"] as? String == "data")
        let step = try #require((layers.first?["services"] as? [[String: Any]])?.first)
        #expect(step["service"] as? String == "db")
        #expect(step["toStartedSeconds"] as? Double == 0.5)
        #expect(step["toHealthySeconds"] as? Double == 6)
        #expect((timeline["slowest"] as? [String: Any])?["service"] as? String == "db")
        let none = try #require(try JSONSerialization.jsonObject(with: Data(StatusReport(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [])).json().utf8)) as? [String: Any])
        #expect(none["timeline"] is NSNull)
    }
}
