import Canvas
import Console
import ConsoleViews
import DockerClient
import Foundation
import LabCatalog
import LabModel
import XCTest

/// The Map screen (7) over the fixture lab, with a few containers inspected: Open WebUI wired
/// to Qdrant (starting) and to Ollama (whose probe fails), its LiteLLM wire missing, Traefik's
/// route to it in place; the rest not inspected or not installed.
extension ViewSnapshotTests {
    static func mapState(width: Int = 100, height: Int = 30, glyphs: Glyphs = .unicode) throws -> AppState {
        var state = try ConsoleFixtures.state(width: width, height: height, glyphs: glyphs)
        let containers = state.snapshot.allContainers.map { container -> ContainerStatus in
            var container = container
            container.inspected = true
            if container.component == "open-webui" {
                container.environment = ["OLLAMA_BASE_URL=http://ollama:11434", "VECTOR_DB=qdrant", "QDRANT_URI=http://qdrant:6333"]
                container.labels["traefik.http.routers.open-webui.rule"] = "Host(`open-webui.localhost`)"
                container.labels["traefik.http.routers.lab-default.rule"] = "PathPrefix(`/`)"
            }
            return container
        }
        let old = state.snapshot
        state.snapshot = LabSnapshot(catalog: old.catalog, engine: old.engine, containers: containers, probes: old.probes, takenAt: old.takenAt)
        state.screen = .map
        state.refreshFrame()
        return state
    }

    func testMapShowsEachEdgesState() throws {
        let state = try Self.mapState()
        check(state, "map-100x30")
        let text = ConsoleRenderer.render(state).text
        XCTAssertTrue(text.contains("✗ open-webui → ollama"), text)
        XCTAssertTrue(text.contains("ollama is unhealthy"))
        XCTAssertTrue(text.contains("◐ open-webui → qdrant"))
        XCTAssertTrue(text.contains("missing env OPENAI_API_BASE_URL"))
        XCTAssertTrue(text.contains("● traefik → open-webui"))
    }

    func testMapInASCIIAt80x24ScrollsAndFilters() throws {
        var state = try Self.mapState(width: 80, height: 24, glyphs: .ascii)
        check(state, "map-ascii-80x24")
        _ = Reducer.reduce(&state, .input(.key(.down)))
        XCTAssertEqual(state.mapScroll, 1)
        state.refreshFrame()
        XCTAssertFalse(ConsoleRenderer.render(state).text.contains(" Public access  "), "scrolled past the first band's title")
        state.filter = "broken"
        state.refreshFrame()
        let text = ConsoleRenderer.render(state).text
        XCTAssertTrue(text.contains("x open-webui -> litellm"), text)
        XCTAssertFalse(text.contains("not-applicable"))
    }

    func testKey7ShowsTheMapAndTabCyclesThroughIt() throws {
        var state = try ConsoleFixtures.state()
        _ = Reducer.reduce(&state, .input(.key(.char("7"))))
        XCTAssertEqual(state.screen, .map)
        XCTAssertEqual(Screen.events.next, .exposure)
        XCTAssertEqual(Screen.exposure.next, .map)
        XCTAssertEqual(Screen.map.next, .containers)
        XCTAssertEqual(Screen.containers.next, .layers)
        XCTAssertEqual(Screen.layers.previous, .containers)
        state.refreshFrame()
        XCTAssertFalse(state.frame.mapRows.isEmpty)
        XCTAssertEqual(state.frame.mapRows, EdgeJudge.judge(state.snapshot), "the screen reads the same states as ailab map")
    }
}
