import Canvas
import Console
import ConsoleViews
@testable import DockerClient
import LabModel
import Foundation
import Testing

/// Another project's container shown for a service says so on screen: in its summary line and Detail.
@Suite struct StandInViewTests {
    @Test func aStandInNamesItsProjectInTheSummaryAndDetail() throws {
        var state = try ConsoleFixtures.state(width: 120, height: 30)
        let other = ContainerStatus(summary: ContainerSummary(
            id: "id-other-chroma", names: ["/shop-chroma-1"], image: "chromadb/chroma:1", state: "running", status: "Up 1 hour",
            labels: ["com.docker.compose.project": "shop", "com.docker.compose.service": "chroma"]))
        let containers = state.snapshot.allContainers.filter { $0.component != "chroma" } + [other]
        state.snapshot = LabSnapshot(catalog: state.snapshot.catalog, engine: state.snapshot.engine, containers: containers, takenAt: ConsoleFixtures.now)
        #expect(state.snapshot.status(of: "chroma")?.standInProject == "shop")
        state.selected = "chroma"
        state.refreshFrame()
        #expect(ConsoleRenderer.render(state).text.contains("stand-in from project shop"))
        state.overlay = .detail(service: "chroma")
        state.refreshFrame()
        #expect(ConsoleRenderer.render(state).text.contains("shown from project 'shop'"))
    }
}
