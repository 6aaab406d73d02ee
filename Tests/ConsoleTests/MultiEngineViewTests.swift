import Canvas
import Console
import ConsoleViews
import Foundation
import LabCatalog
import LabModel
import Testing

/// With several engines every list of services says where each runs, and the header counts
/// per engine; with one engine nothing of it shows.
struct MultiEngineViewTests {
    static func state(screen: Screen) throws -> AppState {
        let base = try ConsoleFixtures.snapshot()
        var gpu = EngineInfo(endpoint: "tcp://10.0.0.7:2376", reachable: true, version: "20.10.24", apiVersion: "1.41")
        gpu.name = "gpu"
        var box = EngineInfo(endpoint: "ssh://lab@box", reachable: false, error: "connection refused")
        box.name = "box"
        let containers = base.allContainers.map { container in
            var container = container
            container.engine = container.component == "ollama" ? "gpu" : "box"
            return container
        }
        let snapshot = LabSnapshot(catalog: base.catalog, engines: [gpu, box], containers: containers, probes: base.probes, takenAt: base.takenAt)
        var state = AppState(snapshot: snapshot, glyphs: .unicode, width: 100, height: 30)
        state.timeZone = TimeZone(identifier: "UTC")!
        state.screen = screen
        state.selected = "ollama"
        state.refreshFrame()
        return state
    }

    @Test func theServicesScreenAndTheHeaderNameTheEngines() throws {
        let text = ConsoleRenderer.render(try Self.state(screen: .services)).text
        #expect(text.contains("ollama@gpu"))
        #expect(text.contains("gpu ✗1") && text.contains("box (down) "), "\(text)")
        #expect(text.contains("qdrant@box"))
    }

    @Test func oneEngineShowsNoEngineNames() throws {
        var state = try ConsoleFixtures.state(width: 100, height: 30)
        state.screen = .services
        state.refreshFrame()
        let text = ConsoleRenderer.render(state).text
        #expect(!text.contains("ollama@"))
        #expect(text.contains("engine unix:///var/run/docker.sock"))
    }
}
