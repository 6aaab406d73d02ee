import Canvas
import Console
import ConsoleViews
@testable import DockerClient
import LabModel
import Foundation
import Testing

/// Engine numbers that no real container reaches still draw (issue 11, item 12): the views
/// sum and convert them saturating, as the decoders do.
@Suite struct SaturationTests {
    @Test func twoContainersOfMoreThan8EiBEachDrawTheServicesScreen() throws {
        var state = try ConsoleFixtures.state(width: 120, height: 30)
        let huge: UInt64 = 9_300_000_000_000_000_000  // past 2^63: two of them overflow UInt64
        var containers = state.snapshot.services.flatMap(\.containers) + state.snapshot.others
        var second = ConsoleFixtures.container("postgres")
        second.id = "id-postgres-2"
        second.name = "ailab-postgres-2"
        containers.append(second)
        state.snapshot = LabSnapshot(catalog: state.snapshot.catalog, engine: state.snapshot.engine, containers: containers, takenAt: ConsoleFixtures.now)
        for id in ["id-postgres", "id-postgres-2"] { state.stats[id] = StatsSample(cpuPercent: .infinity, memoryBytes: huge, memoryLimit: huge) }
        let postgres = try #require(state.snapshot.status(of: "postgres"))
        #expect(state.memory(postgres) == .max)
        state.screen = .services
        state.refreshFrame()  // set by hand, not by the reducer
        let frame = ConsoleRenderer.render(state)
        #expect(frame.text.contains("postgres"))
    }

    /// Issue 11, item 4 in the console: the unreadable container's detail says what was wrong.
    @Test func anUnreadableContainerSaysWhyInTheDetail() throws {
        var state = try ConsoleFixtures.state(width: 120, height: 40)
        var summary = ContainerSummary(id: "id-bad", names: ["/ailab-postgres-1"], image: "", state: "unknown", status: "unreadable: malformed JSON",
                                       labels: ["com.docker.compose.project": "ailab", "com.docker.compose.service": "postgres"])
        summary.problem = "the engine's entry [3] in the container list: malformed JSON"
        let containers = state.snapshot.services.flatMap(\.containers).filter { $0.component != "postgres" } + [ContainerStatus(summary: summary)]
        state.snapshot = LabSnapshot(catalog: state.snapshot.catalog, engine: state.snapshot.engine, containers: containers, takenAt: ConsoleFixtures.now)
        #expect(state.snapshot.status(of: "postgres")?.state == .unknown)
        state.overlay = .detail(service: "postgres")
        state.refreshFrame()
        #expect(ConsoleRenderer.render(state).text.contains("unreadable: the engine's entry [3] in the container list: malformed JSON"))
    }

    @Test func conversionsClampInsteadOfTrapping() {
        #expect(Saturating.int(.nan, in: 0...100) == 0)
        #expect(Saturating.int(1e300, in: 0...100) == 100)
        #expect(Saturating.int(-.infinity, in: 0...100) == 0)
        #expect(Saturating.sum([UInt64.max, 1]) == .max)
        #expect(Elapsed.short(.infinity) == "0s" && !Elapsed.short(1e300).isEmpty)
    }
}
