import Basics
import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabReport
import Testing

@Suite struct RollUpTests {
    @Test func readsHealthFromTheListStatusText() {
        #expect(ContainerStatus.health(fromStatus: "Up 2 hours (healthy)") == .healthy)
        #expect(ContainerStatus.health(fromStatus: "Up 5 seconds (health: starting)") == .starting)
        #expect(ContainerStatus.health(fromStatus: "Up 1 minute (unhealthy)") == .unhealthy)
        #expect(ContainerStatus.health(fromStatus: "Up 1 minute") == .none)
        #expect(ContainerStatus.health(fromStatus: "Up (Paused)") == .unknown)
        #expect(Fixtures.container("x", state: "exited", status: "Exited (1) 2 minutes ago (unhealthy)").health == HealthState.none)
    }

    @Test func aServiceSpeaksWithItsMostTroubledComponent() throws {
        let healthy = Fixtures.container("big", service: "big", image: "example/big:1", status: "Up 1 hour (healthy)")
        let sick = Fixtures.container("cache", service: "big-cache", image: "redis:7", status: "Up 1 hour (unhealthy)")
        let exited = Fixtures.container("db", service: "big-db", image: "postgres:17", state: "exited", status: "Exited (1)")
        let catalog = try Fixtures.catalog()
        let both = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [healthy, sick])
        #expect(both.status(of: "big")?.state == .running)
        #expect(both.status(of: "big")?.health == .unhealthy)
        #expect(both.status(of: "big")?.missingComponents == ["big-db"])
        let withExited = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [healthy, exited])
        #expect(withExited.status(of: "big")?.state == .exited)
        #expect(withExited.status(of: "big")?.health == HealthState.none)
        #expect(withExited.status(of: "big")?.condition.text == "crashed (exit 1)")
    }

    @Test func anUnreachableEngineMakesEverythingUnknownNeverStale() throws {
        let snapshot = LabSnapshot(
            catalog: try Fixtures.catalog(), engine: EngineInfo(endpoint: "unix:///x", reachable: false, error: "gone"),
            containers: [Fixtures.container("web", service: "web", status: "Up 1 hour (healthy)")])
        #expect(snapshot.services.allSatisfy { $0.state == .unknown && $0.health == .unknown })
        #expect(StatusExit(snapshot) == .unreachable)
    }

    @Test func portsAreThePublishedOnesWhenInstalledElseTheDeclaredOnes() throws {
        let web = Fixtures.container("web", service: "web", ports: [
            PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 18080, type: "tcp"),
            PortBinding(ip: "::", privatePort: 80, publicPort: 18080, type: "tcp"),
            PortBinding(privatePort: 443),
        ])
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [web])
        #expect(snapshot.status(of: "web")?.ports == [PublishedPort(host: 18080, container: 80, hostIP: "0.0.0.0")])
        #expect(snapshot.status(of: "db")?.ports == [PublishedPort(host: 5432, container: 5432)])
    }

    @Test func exitCodesFollowTheContract() throws {
        let catalog = try Fixtures.catalog()
        func exit(_ containers: [ContainerStatus]) -> StatusExit {
            StatusExit(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers))
        }
        #expect(exit([]) == .ok)
        #expect(exit([Fixtures.container("web", service: "web", status: "Up (health: starting)")]) == .ok)
        #expect(exit([Fixtures.container("web", service: "web", status: "Up 1 hour (unhealthy)")]) == .degraded)
        // A one-shot job done, or a stop someone asked for, is not trouble; a crash, a crash loop and a dead container are.
        #expect(exit([Fixtures.container("web", service: "web", state: "exited", status: "Exited (0) 1 minute ago")]) == .ok)
        #expect(exit([Fixtures.container("web", service: "web", state: "exited", status: "Exited (137) 1 minute ago")]) == .ok)
        #expect(exit([Fixtures.container("web", service: "web", state: "exited", status: "Exited (3) 1 minute ago")]) == .degraded)
        #expect(exit([Fixtures.container("web", service: "web", state: "restarting", status: "Restarting (1) 2 seconds ago")]) == .degraded)
        #expect(exit([Fixtures.container("web", service: "web", state: "dead", status: "Dead")]) == .degraded)
        #expect(exit([Fixtures.container("stray", project: nil, image: "x", state: "exited")]) == .ok)
    }

    @Test func layersRollUpTheirOwnServicesOnly() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("web", service: "web", status: "Up (unhealthy)"),
            Fixtures.container("db", service: "db", image: "postgres:17", status: "Up (healthy)"),
        ])
        #expect(snapshot.counts(in: .app).byCondition == [.unhealthy: 1])
        #expect(snapshot.counts(in: .data).byCondition == [.healthy: 1, .notInstalled: 1])
        #expect(snapshot.counts(in: .observability).byCondition == [:])
    }

    @Test func phaseProgressCountsHealthyOrUncheckedRunningItems() throws {
        var catalog = try Fixtures.catalog()
        let phase = Phase(number: 1, title: "t", goal: "", weeks: "", items: [
            RoadmapItem(service: "web", effort: "", dependencies: []), RoadmapItem(service: "db", effort: "", dependencies: []),
        ])
        catalog.roadmap.phases = [phase]
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [
            Fixtures.container("web", service: "web", status: "Up (healthy)"),
            Fixtures.container("db", service: "db", image: "postgres:17", status: "Up (unhealthy)"),
        ])
        #expect(snapshot.progress(of: phase) == (1, 2))
    }

    @Test func engineTimesKeepTheirFractionAndTheZeroTimeIsNever() throws {
        let date = try #require(EngineTime.parse("2026-11-24T20:41:07.123456789Z"))
        #expect(abs(date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) - 0.123) < 0.001)
        #expect(EngineTime.parse("0001-01-01T00:00:00Z") == nil)
        #expect(EngineTime.parse("2026-11-24T20:41:07+01:00") != nil)
    }

    @Test(arguments: [
        "2026-11-24T20:41:07Z", "2026-11-24T20:41:07.5Z", "2024-02-29T23:59:59.999999999+05:30", "1999-12-31T00:00:00-08:00",
        "2000-03-01T12:00:00Z", "2038-01-19T03:14:08Z",
    ])
    func engineTimesAgreeWithFoundation(text: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let trimmed = text.replacingOccurrences(of: #"\.(\d{3})\d*"#, with: ".$1", options: .regularExpression)
        let expected = try #require(formatter.date(from: trimmed))
        let parsed = try #require(EngineTime.parse(text))
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.001)
    }

    @Test(arguments: ["", "2026-11-24", "2026-13-24T20:41:07Z", "2026-11-24T20:41:07", "2026-11-24T20:41:07Zjunk", "2026-11-24T2x:41:07Z", "2026-11-24T20:41:07+0100"])
    func malformedEngineTimesAreNil(text: String) {
        #expect(EngineTime.parse(text) == nil)
    }

    @Test func elapsedIsShort() {
        #expect(Elapsed.short(42) == "42s")
        #expect(Elapsed.short(3 * 60 + 5) == "3m")
        #expect(Elapsed.short(2 * 3600 + 4 * 60) == "2h 4m")
        #expect(Elapsed.short(3 * 86_400 + 7200) == "3d 2h")
    }
}
