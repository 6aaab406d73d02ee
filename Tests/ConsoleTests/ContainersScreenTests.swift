import Canvas
import Console
import ConsoleViews
@testable import DockerClient
import Foundation
import LabControl
import LabModel
import Testing

/// The Containers screen: every container of the engine, grouped by project, and actions,
/// logs and inspect on exactly the selected one.
@Suite struct ContainersScreenTests {
    /// The fixture lab plus a container of another project, a stand-in and a second stray.
    static func state(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = try ConsoleFixtures.state(width: width, height: height)
        let base = state.snapshot
        let extra = [
            ContainerStatus(summary: ContainerSummary(
                id: "id-other-web", names: ["/other-web-1"], image: "nginx:1.27", state: "running", status: "Up 2 hours",
                ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 8088)],
                labels: [ComposeLabel.project: "other", ComposeLabel.service: "web"])),
            ContainerStatus(summary: ContainerSummary(
                id: "id-other-db", names: ["/other-db-1"], image: "postgres:16", state: "exited", status: "Exited (0) 3 hours ago",
                labels: [ComposeLabel.project: "other", ComposeLabel.service: "db"])),
            ContainerStatus(summary: ContainerSummary(
                id: "id-demo-langfuse", names: ["/demo-langfuse-1"], image: "langfuse/langfuse:2", state: "running", status: "Up 5 minutes (healthy)",
                labels: [ComposeLabel.project: "demo", ComposeLabel.service: "langfuse"])),
        ]
        state.snapshot = LabSnapshot(catalog: base.catalog, engine: base.engine, containers: base.allContainers + extra, probes: base.probes, takenAt: base.takenAt)
        state.screen = .containers
        state.refreshFrame()
        return state
    }

    @Test func everyContainerListedOnceGroupedLabFirst() throws {
        let state = try Self.state()
        let rows = state.containerRows
        let listed = rows.compactMap(\.container?.id)
        #expect(listed.count == state.snapshot.allContainers.count)
        #expect(Set(listed) == Set(state.snapshot.allContainers.map(\.id)))
        let headings = rows.compactMap { row -> ContainerGroup? in if case .heading(let group, _) = row { group } else { nil } }
        #expect(headings == [.lab("ailab"), .standIn("demo"), .other("other"), .noProject])
        // The frame carries the rows only while the screen shows.
        #expect(state.frame.containerRows == rows)
        var layers = state
        layers.screen = .layers
        layers.refreshFrame()
        #expect(layers.frame.containerRows.isEmpty)
    }

    @Test func filterKeepsMatchingContainersUnderTheirHeading() throws {
        var state = try Self.state()
        state.filter = "nginx"
        #expect(state.containerRows.compactMap(\.container?.name) == ["other-web-1", "stray-web"])
        #expect(state.containerRows.count == 4)
    }

    @Test func actionsNameTheSelectedContainer() throws {
        var state = try Self.state()
        state.selectedContainer = "id-other-web"
        let effects = Reducer.reduce(&state, .input(.key(.char("x"))))
        let request = ActionRequest.container(.stop, ContainerTarget(id: "id-other-web", name: "other-web-1"))
        #expect(effects == [.planAction(request)])
        #expect(state.action?.title == "stop other-web-1")
        // The plan comes back with a question: the same dialog as a service's.
        var plan = ActionPlan(request: request, entries: [PlanEntry(service: "other-web-1", operation: .stop)])
        plan.questions = ["Stop container other-web-1?"]
        _ = Reducer.reduce(&state, .actionPlanned(plan))
        #expect(state.action?.stage == .confirming(index: 0))
        #expect(Reducer.reduce(&state, .input(.key(.char("y")))) == [.runAction(plan)])
    }

    @Test func eOpensAShellInTheSelectedContainerOnlyWhenItRuns() throws {
        var state = try Self.state()
        let listed = state.containerRows.compactMap(\.container)
        let running = try #require(listed.first { $0.state == .running })
        state.selectedContainer = running.id
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))) == [.openShell(containerID: running.id, name: running.name)])
        let stopped = try #require(listed.first { $0.state != .running })
        state.selectedContainer = stopped.id
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))).isEmpty)
        #expect(state.notice?.contains("\(stopped.name) is not running") == true)
    }

    @Test func movingSkipsHeadingsAndLogsAndInspectFollowTheContainer() throws {
        var state = try Self.state()
        #expect(state.selectedContainerStatus?.name == state.containerRows.compactMap(\.container).first?.name)
        _ = Reducer.reduce(&state, .input(.key(.char("G"))))
        #expect(state.selectedContainerStatus?.id == "id-stray")
        _ = Reducer.reduce(&state, .input(.key(.char("k"))))
        #expect(state.selectedContainerStatus?.id == "id-other-web")
        let logs = Reducer.reduce(&state, .input(.key(.char("l"))))
        #expect(logs.contains(.followLogs(service: "other-web-1", containers: [ContainerRef(id: "id-other-web", name: "other-web-1")])))
        #expect(state.overlay == .logs)
        _ = Reducer.reduce(&state, .input(.key(.escape)))
        let inspect = Reducer.reduce(&state, .input(.key(.char("I"))))
        #expect(inspect.contains(.fetchInspect(ContainerRef(id: "id-other-web", name: "other-web-1"))))
        #expect(state.overlay == .inspect && state.inspect.containerName == "other-web-1")
    }

    @Test func statsAreWatchedForTheRunningContainersOnScreen() throws {
        var state = try Self.state()
        let effects = Reducer.reduce(&state, .input(.key(.char("8"))))
        guard case .watchStats(let ids) = effects.first else {
            Issue.record("no stats effect: \(effects)")
            return
        }
        let visible = Reducer.containerWindow(state.containerRows, selected: state.selectedContainerStatus?.id, height: state.frame.screenArea.height)
        let expected = Set(visible.compactMap { state.containerRows[$0].container }.filter { $0.state == .running }.map(\.id))
        #expect(!ids.isEmpty && ids == expected)
        #expect(!ids.contains("id-other-db"))  // exited: no stream
        // A snapshot keeps the samples of other projects' containers (they are containers too).
        _ = Reducer.reduce(&state, .stats(containerID: "id-other-web", StatsSample(cpuPercent: 3, memoryBytes: 1 << 20, memoryLimit: 1 << 30)))
        _ = Reducer.reduce(&state, .lab(.snapshot(state.snapshot)))
        #expect(state.stats["id-other-web"] != nil)
    }

    @Test func paletteOpensTheScreen() throws {
        var state = try ConsoleFixtures.state()
        #expect(Palette.parse("containers", services: []) == .run(.goTo(.containers), service: nil))
        _ = Reducer.reduce(&state, .input(.key(.char("8"))))
        #expect(state.screen == .containers)
    }
}
