import Canvas
import Console
import ConsoleViews
import DockerClient
import Foundation
import LabCatalog
import LabLive
import LabModel
import XCTest

/// The fixture lab over two engines, both up (issue 16): every screen says where each service
/// runs: `@gpu` on the Layers chips, Containers, Exposure, the Map's ends and the Events' services, an ENGINE column on
/// Ports, whose "listening" is asked at each engine's host (qdrant, bound to box's own loopback,
/// is not asked from here and says so). The one-engine snapshots stay as they were.
extension ViewSnapshotTests {
    static func onTwoEngines(_ state: AppState) -> AppState {
        var state = state
        var gpu = EngineInfo(endpoint: "tcp://10.0.0.7:2376", reachable: true, version: "20.10.24", apiVersion: "1.41")
        gpu.name = "gpu"
        var box = EngineInfo(endpoint: "ssh://lab@box", reachable: true, version: "20.10.24", apiVersion: "1.41")
        box.name = "box"
        let old = state.snapshot
        let containers = old.allContainers.map { container in
            var container = container
            container.engine = ["ollama", "litellm"].contains(container.component) ? "gpu" : "box"
            return container
        }
        state.snapshot = LabSnapshot(catalog: old.catalog, engines: [gpu, box], containers: containers, probes: old.probes, takenAt: old.takenAt)
        return state
    }

    func testTwoEnginesLayers() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = Self.onTwoEngines(try ConsoleFixtures.state(width: width, height: height))
            state.selected = "litellm"
            check(state, "two-engines-layers-\(width)x\(height)")
        }
    }

    func testTwoEnginesPorts() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = Self.onTwoEngines(try ConsoleFixtures.state(width: width, height: height))
            state.screen = .ports
            let answers = [("box", 80, true), ("box", 3000, true), ("box", 5432, true), ("10.0.0.7", 11434, true), ("10.0.0.7", 4000, false)]
            state.listening = Dictionary(uniqueKeysWithValues: answers.map { (PortProbe.Target(host: $0, port: $1), $2) })
            check(state, "two-engines-ports-\(width)x\(height)")
            var rows = state
            rows.refreshFrame()
            let qdrant = rows.frame.portRows.first { $0.service == "qdrant" }
            XCTAssertEqual(qdrant?.unreachable, "bound to loopback on remote engine box")  // box's loopback, not asked here
            XCTAssertEqual(rows.frame.portRows.first { $0.service == "ollama" }?.target, PortProbe.Target(host: "10.0.0.7", port: 11434))
            XCTAssertTrue(ConsoleRenderer.render(rows).text.contains("ENGINE"))
        }
    }

    func testTwoEnginesMap() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let state = Self.onTwoEngines(try Self.mapState(width: width, height: height))
            check(state, "two-engines-map-\(width)x\(height)")
        }
        let wide = Self.onTwoEngines(try Self.mapState(width: 120, height: 40))
        XCTAssertTrue(ConsoleRenderer.render(wide).text.contains("open-webui@box → ollama@gpu"))
    }

    func testTwoEnginesContainersAndExposure() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = Self.onTwoEngines(try ConsoleFixtures.state(width: width, height: height))
            state.screen = .containers
            check(state, "two-engines-containers-\(width)x\(height)")
            state.screen = .exposure
            state.exposureUnchecked = "not running"
            check(state, "two-engines-exposure-\(width)x\(height)")
        }
    }

    func testTwoEnginesEvents() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = Self.onTwoEngines(try ConsoleFixtures.state(width: width, height: height))
            state.screen = .events
            let base = ConsoleFixtures.now
            var events = [
                LabEvent(time: base, containerID: "id-litellm", container: "ailab-litellm-1", service: "litellm", kind: .health(.unhealthy)),
                LabEvent(time: base.addingTimeInterval(-60), containerID: "id-n8n", container: "ailab-n8n-1", service: "n8n", kind: .died, exitCode: 1),
                LabEvent(time: base.addingTimeInterval(-120), containerID: "id-x", container: "stray", service: nil, kind: .started),
            ]
            (events[0].engine, events[1].engine, events[2].engine) = ("gpu", "box", "box")
            state.events = events
            check(state, "two-engines-events-\(width)x\(height)")
        }
    }
}
