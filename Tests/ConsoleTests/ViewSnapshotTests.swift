import Canvas
import Console
import ConsoleViews
import Foundation
@testable import DockerClient
import LabControl
import LabModel
import LabLive
import LabReport
import XCTest

/// Every view drawn into a screen buffer and compared with its text snapshot; every view also
/// drawn into 1x1 and 0x0 buffers, which must not trap.
final class ViewSnapshotTests: XCTestCase {
    func check(_ state: AppState, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        var state = state
        state.refreshFrame()  // the state was set by hand, not by the reducer
        let screen = ConsoleRenderer.render(state)
        SnapshotAssert.matches(screen.text, named: name, file: file, line: line)
        SnapshotAssert.matches(RoleSnapshot.of(screen), named: name + ".roles", file: file, line: line)
        for (width, height) in [(1, 1), (0, 0), (2, 1), (10, 5)] {
            var tiny = state
            tiny.width = width
            tiny.height = height
            tiny.refreshFrame()
            let buffer = ConsoleRenderer.render(tiny)
            XCTAssertEqual(buffer.lines.count, height, file: file, line: line)
        }
    }

    func testLayers() throws {
        var state = try ConsoleFixtures.state()
        state.selected = "litellm"
        check(state, "layers-80x24")
    }

    /// A tall terminal: every service a whole line with its condition, age, usage and probe.
    func testLayersExpandedAt120x40() throws {
        var state = try ConsoleFixtures.state(width: 120, height: 40)
        state.selected = "open-webui"
        for second in 0..<8 {
            let sample = StatsSample(cpuPercent: Double(second * 5), memoryBytes: 300 << 20, memoryLimit: 8 << 30)
            state.stats["id-open-webui"] = sample
            state.history["id-open-webui", default: StatsHistory()].append(sample)
        }
        state.snapshot = state.snapshot.with(probes: state.snapshot.probes.merging(
            ["open-webui": ProbeResult(outcome: .passed, at: ConsoleFixtures.now, latency: .milliseconds(4))]) { $1 })
        check(state, "layers-expanded-120x40")
    }

    func testLayersASCII() throws {
        check(try ConsoleFixtures.state(glyphs: .ascii), "layers-ascii-80x24")
    }

    func testLayersAt60x20() throws {
        check(try ConsoleFixtures.state(width: 60, height: 20), "layers-60x20")
    }

    func testServicesSortedByCondition() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .services
        state.sort = .condition
        state.stats["id-litellm"] = StatsSample(cpuPercent: 12.5, memoryBytes: 300 << 20, memoryLimit: 8 << 30)
        state.selected = "litellm"
        check(state, "services-by-condition-80x24")
    }

    func testDetailWithUsageHistory() throws {
        var state = try ConsoleFixtures.state(width: 100, height: 30)
        state.selected = "litellm"
        state.overlay = .detail(service: "litellm")
        for second in 0..<30 {
            let sample = StatsSample(
                cpuPercent: Double(second % 10) * 10, memoryBytes: UInt64(200 + second) << 20, memoryLimit: 8 << 30,
                networkRx: UInt64(second) * 2048, networkTx: UInt64(second) * 512, blockRead: 0, blockWrite: UInt64(second) * 4096,
                at: ConsoleFixtures.now.addingTimeInterval(Double(second)))
            state.stats["id-litellm"] = sample
            state.history["id-litellm", default: StatsHistory()].append(sample)
        }
        check(state, "detail-litellm-usage-100x30")
    }

    func testPaletteCompleting() throws {
        var state = try ConsoleFixtures.state()
        state.palette = "restart l"
        state.paletteCandidates = ["litellm", "langfuse", "loki"]
        check(state, "palette-80x24")
    }

    func testInspectSearching() throws {
        var state = try ConsoleFixtures.state()
        state.overlay = .inspect
        state.inspect.containerName = "ailab-litellm-1"
        state.inspect.containerID = "id-litellm"
        state.inspect.lines = InspectDocument.lines(Array(#"{"Id":"id-litellm","Config":{"Env":["LITELLM_MASTER_KEY=sk-1","PORT=4000"]},"State":{"Status":"running"}}"#.utf8), masker: nil)
        state.inspect.search = "status"
        check(state, "inspect-80x24")
    }

    func testServicesFilteredWide() throws {
        var state = try ConsoleFixtures.state(width: 120, height: 24)
        state.screen = .services
        state.filter = "data"
        check(state, "services-filtered-120x24")
    }

    func testPorts() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .ports
        // One engine, a local socket: every port asked on this machine (`PortAddress`).
        state.listening = Dictionary(uniqueKeysWithValues: [(80, true), (3000, true), (5432, true), (8000, true), (4000, false)].map { (PortProbe.Target(port: $0), $1) })
        check(state, "ports-80x24")
    }

    /// Exposure: reach, route, auth and verdict per port; the fixture lab's postgres, ollama and
    /// litellm on 0.0.0.0 are exposed, qdrant on loopback is local.
    func testExposure() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .exposure
        state.exposureAuth = ["0.0.0.0:3000/tcp": .open(200), "0.0.0.0:8080/tcp": .required(401), "0.0.0.0:5432/tcp": .noAnswer("not HTTP")]
        state.exposureUnchecked = "not running"
        check(state, "exposure-80x24")
    }

    func testEvents() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .events
        let base = ConsoleFixtures.now
        state.events = [
            LabEvent(time: base, containerID: "id-litellm", container: "ailab-litellm-1", service: "litellm", kind: .health(.unhealthy)),
            LabEvent(time: base.addingTimeInterval(-60), containerID: "id-n8n", container: "ailab-n8n-1", service: "n8n", kind: .died, exitCode: 1),
            LabEvent(time: base.addingTimeInterval(-120), containerID: "id-qdrant", container: "ailab-qdrant-1", service: "qdrant", kind: .started),
        ]
        check(state, "events-80x24")
    }

    func testDetailOfAnUnhealthyService() throws {
        var state = try ConsoleFixtures.state()
        state.selected = "litellm"
        state.overlay = .detail(service: "litellm")
        check(state, "detail-litellm-80x24")
    }

    func testDetailOfAMultiContainerServiceMasksSecrets() throws {
        var state = try ConsoleFixtures.state(width: 100, height: 40)
        state.overlay = .detail(service: "dify")
        state.selected = "dify"
        check(state, "detail-dify-100x40")
    }

    func testLogsWithSearchAndStderr() throws {
        var state = try ConsoleFixtures.state()
        state.overlay = .logs
        state.logs.service = "dify"
        let base = ConsoleFixtures.now
        state.logs.lines = (0..<30).map { (index: Int) -> LogLine in
            let container = index % 3 == 0 ? "ailab-dify-api-1" : "ailab-dify-1"
            let stream: LogSource = index % 7 == 0 ? .stderr : .stdout
            return LogLine(time: base.addingTimeInterval(Double(index)), container: container, stream: stream, text: "request \(index) served in \(index * 3) ms")
        }
        state.logs.search = "served in 6"
        state.logs.scrollBack = 5
        check(state, "logs-dify-80x24")
    }

    func testRoadmapByPhase() throws {
        var state = try ConsoleFixtures.state(width: 100, height: 40)
        state.screen = .roadmap
        state.labState.mark("langfuse-tracing", by: "ada", at: ConsoleFixtures.now.addingTimeInterval(-600))
        state.labState.record("rag-qdrant", met: false, detail: "qdrant :6333: /result/collections has 0 entries; needs 1 or more", at: ConsoleFixtures.now.addingTimeInterval(-60))
        state.labState.record("chroma-heartbeat", met: true, detail: "chroma :8000: GET /api/v2/heartbeat answered 200", at: ConsoleFixtures.now.addingTimeInterval(-60))
        state.labState.firstHealthy["traefik"] = ConsoleFixtures.now.addingTimeInterval(-86_400 * 3)
        state.roadmapRow = 2
        check(state, "roadmap-100x40")
    }

    func testRoadmapByPriorityAt80x24() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .roadmap
        state.roadmapByPriority = true
        check(state, "roadmap-priority-80x24")
    }

    func testHelp() throws {
        var state = try ConsoleFixtures.state()
        state.overlay = .help
        check(state, "help-80x24")
    }

    func testEngineUnreachable() throws {
        check(try ConsoleFixtures.state(reachable: false), "unreachable-80x24")
    }

    func testFilterPrompt() throws {
        var state = try ConsoleFixtures.state()
        state.screen = .services
        state.editingFilter = true
        state.filter = "ll"
        check(state, "filter-prompt-80x24")
    }

    /// i on langfuse: the plan (postgres first), and the question.
    func actionState(_ request: ActionRequest, refusals: [String] = []) throws -> AppState {
        var state = try ConsoleFixtures.state()
        state.screen = .services
        state.selected = request.targets[0]
        var plan = ActionPlanner(snapshot: state.snapshot).plan(request)
        plan.refusals += refusals
        var action = ActionState(request: request)
        action.plan = plan
        action.questions = ActionState.questions(for: plan)
        action.stage = refusals.isEmpty ? .confirming(index: 0) : .refused
        state.action = action
        return state
    }

    func testActionPlanAndQuestion() throws {
        check(try actionState(ActionRequest(.install, ["langfuse"])), "action-plan-80x24")
    }

    /// The install's exposure warning stands in the plan, naming the port, before the question.
    func testActionPlanShowsAnExposureWarning() throws {
        var state = try actionState(ActionRequest(.install, ["qdrant"]))
        state.action?.plan?.warnings = ["qdrant would publish host port 6333/tcp (a data store) on all interfaces"]
        state.refreshFrame()
        let text = ConsoleRenderer.render(state).text
        XCTAssertTrue(text.contains("warning: qdrant would publish host port 6333/tcp"), text)
    }

    func testActionRefusedByPreflight() throws {
        let refusals = ["host port 3001/tcp for langfuse is taken: a host process listens on it (node, pid 4242)"]
        check(try actionState(ActionRequest(.install, ["langfuse"]), refusals: refusals), "action-refused-80x24")
    }

    func testActionBarWithPullProgress() throws {
        var state = try ConsoleFixtures.state()
        var action = ActionState(request: ActionRequest(.install, ["qdrant"]))
        action.stage = .running
        action.step = "pull qdrant/qdrant:v1.15.5"
        var pull = PullStatus(image: "qdrant/qdrant:v1.15.5")
        pull.apply(PullProgress(status: "Downloading", id: "a1", current: 12_000_000, total: 30_000_000))
        pull.apply(PullProgress(status: "Pull complete", id: "b2"))
        action.pull = pull
        state.action = action
        check(state, "action-pull-80x24")
    }

    func testActionLog() throws {
        var state = try ConsoleFixtures.state()
        state.overlay = .actionLog
        let at = ConsoleFixtures.now
        state.actionLog = [
            ActionEvent(time: at, action: .install, service: "qdrant", outcome: .started, text: "create ailab-qdrant-1"),
            ActionEvent(time: at, action: .install, service: "qdrant", outcome: .done, text: "create ailab-qdrant-1"),
            ActionEvent(time: at.addingTimeInterval(3), action: .install, service: "qdrant", outcome: .failed,
                        text: "ailab-qdrant-1 became unhealthy\nlast health check (exit 1): connection refused\nlast log lines:\n  panic: bad config"),
        ]
        check(state, "action-log-80x24")
    }
}
