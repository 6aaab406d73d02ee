import Canvas
@testable import Console
import ConsoleViews
import Foundation
import LabControl
import LabLive
import Testing

/// The reducer with plain values: no terminal, no engine.
@Suite struct ReducerTests {
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .input(.key($0))) }
    }

    @Test func screensByNumberTabAndShiftTab() throws {
        var state = try ConsoleFixtures.state()
        _ = press(&state, .char("3"))
        #expect(state.screen == .ports)
        _ = press(&state, .tab, .tab)
        #expect(state.screen == .events)
        _ = press(&state, .char("1"), .backTab)
        #expect(state.screen == .containers)  // Shift-Tab wraps to the last, Tab too
        _ = press(&state, .tab)
        #expect(state.screen == .layers)
        _ = press(&state, .char("5"), .backTab)
        #expect(state.screen == .roadmap)
        #expect(press(&state, .char("q")) == [.quit])
        #expect(press(&state, .ctrl("c")) == [.quit])
    }

    @Test func sixShowsExposureChecksAuthAndMovesAlongItsRows() throws {
        var state = try ConsoleFixtures.state()
        #expect(press(&state, .char("6")).contains(.checkExposure))
        #expect(state.screen == .exposure)
        let rows = state.exposureRows
        #expect(rows.count >= 6)
        _ = press(&state, .char("j"))
        #expect(state.exposureRow == 1)
        #expect(state.selected == rows[1].service)
        _ = Reducer.reduce(&state, .exposureChecked(["0.0.0.0:5432/tcp": .required(401)], unchecked: "not running"))
        #expect(state.exposureRows.first { $0.service == "postgres" }?.auth == .required(401))
        #expect(state.exposureRows.first { $0.service == "qdrant" }?.auth == .notChecked("not running"))
        // Enter on a row opens its service's Detail, with a line per port.
        state.exposureRow = rows.firstIndex { $0.service == "postgres" }!
        _ = press(&state, .enter)
        #expect(state.overlay == .detail(service: "postgres"))
        #expect(state.frame.detailLines.contains { $0.map(\.text).joined().hasPrefix("Exposure :5432 all interfaces · auth asks (401) · exposed") })
    }

    @Test func layersMoveAlongBandsAndBetweenThem() throws {
        var state = try ConsoleFixtures.state()
        #expect(state.selected == "traefik")
        _ = press(&state, .right, .right)
        #expect(state.selected == "tailscale")
        _ = press(&state, .char("j"))
        #expect(state.selected == "node-red")  // same position in the next band
        _ = press(&state, .char("h"))
        #expect(state.selected == "n8n")
        _ = press(&state, .char("G"))
        #expect(state.selected == "loki")
        _ = press(&state, .char("k"))
        #expect(state.snapshot.status(of: state.selected!)?.service.layer == .data)
    }

    @Test func filterNarrowsServicesAndEscClearsIt() throws {
        var state = try ConsoleFixtures.state()
        _ = press(&state, .char("2"), .char("/"), .char("l"), .char("l"), .char("m"))
        #expect(state.editingFilter)
        #expect(state.serviceRows.map(\.service.name) == ["litellm"])
        #expect(state.selected == "litellm")
        _ = press(&state, .backspace, .backspace, .backspace, .char("u"), .char("n"), .char("h"))
        #expect(state.serviceRows.map(\.service.name) == ["ollama", "litellm"])  // by condition too: unhealthy (ollama by its probe)
        _ = press(&state, .enter)
        #expect(!state.editingFilter && state.filter == "unh")
        _ = press(&state, .escape)
        #expect(state.filter.isEmpty)
    }

    @Test func statsAreWatchedOnlyForRunningServicesOnScreen() throws {
        var state = try ConsoleFixtures.state()
        #expect(press(&state, .char("1")) == [.watchStats([])])
        let effects = press(&state, .char("2"))
        guard case .watchStats(let ids)? = effects.first else {
            Issue.record("no stats effect")
            return
        }
        #expect(ids.contains("id-litellm") && ids.contains("id-traefik"))
        #expect(!ids.contains("id-n8n"))  // exited: nothing to sample
        #expect(!ids.contains("id-stray"))  // not a lab service
    }

    @Test func enterShowsDetailAndLFollowsLogsOfEveryComponent() throws {
        var state = try ConsoleFixtures.state()
        state.selected = "litellm"
        _ = press(&state, .enter)
        #expect(state.overlay == .detail(service: "litellm"))
        let effects = press(&state, .char("l"))
        #expect(effects == [.followLogs(service: "litellm", containers: [ContainerRef(id: "id-litellm", name: "ailab-litellm-1")])])
        #expect(state.overlay == .logs)
        #expect(press(&state, .escape).first == .stopLogs)
        #expect(state.overlay == nil)
        state.selected = "weaviate"
        #expect(press(&state, .char("l")) == [.stopLogs])
        #expect(state.logs.ended?.contains("not installed") == true)
    }

    @Test func logsInterleaveByTimeAndSearchJumps() throws {
        var state = try ConsoleFixtures.state()
        state.overlay = .logs
        let base = ConsoleFixtures.now
        _ = Reducer.reduce(&state, .logLines([
            LogLine(time: base, container: "a", stream: .stdout, text: "one"),
            LogLine(time: base.addingTimeInterval(2), container: "a", stream: .stdout, text: "three"),
        ]))
        _ = Reducer.reduce(&state, .logLines([LogLine(time: base.addingTimeInterval(1), container: "b", stream: .stderr, text: "two needle")]))
        #expect(state.logs.lines.map(\.text) == ["one", "two needle", "three"])
        _ = press(&state, .char("/"), .char("n"), .char("e"), .enter)
        #expect(state.logs.scrollBack == 1)
        _ = press(&state, .char("f"))
        #expect(state.logs.following)
    }

    @Test func eventsAreKeptNewestFirstAndBounded() throws {
        var state = try ConsoleFixtures.state()
        for index in 0..<(AppState.eventLimit + 20) {
            let event = LabEvent(time: ConsoleFixtures.now.addingTimeInterval(Double(index)), containerID: "x", container: "c", service: nil, kind: .started)
            _ = Reducer.reduce(&state, .lab(.event(event)))
        }
        #expect(state.events.count == AppState.eventLimit)
        #expect(state.events.first?.time == ConsoleFixtures.now.addingTimeInterval(Double(AppState.eventLimit + 19)))
    }

    @Test func aNewSnapshotKeepsTheSelectionAndMovesTheClockOn() throws {
        var state = try ConsoleFixtures.state()
        state.selected = "qdrant"
        var next = try ConsoleFixtures.snapshot()
        next.takenAt = ConsoleFixtures.now.addingTimeInterval(90)
        _ = Reducer.reduce(&state, .lab(.snapshot(next)))
        #expect(state.selected == "qdrant")
        #expect(state.now == next.takenAt)
        // A minute's tick moves ages on; an older tick never moves the clock back.
        _ = Reducer.reduce(&state, .tick(ConsoleFixtures.now.addingTimeInterval(150)))
        #expect(state.now == ConsoleFixtures.now.addingTimeInterval(150))
        _ = Reducer.reduce(&state, .tick(ConsoleFixtures.now))
        #expect(state.now == ConsoleFixtures.now.addingTimeInterval(150))
    }

    @Test func clicksSelectTabsAndChips() throws {
        var state = try ConsoleFixtures.state()
        let services = try #require(Layout.tabSpans(width: state.width).first { $0.screen == .services })
        _ = Reducer.reduce(&state, .input(.click(x: services.start + 2, y: 1)))
        #expect(state.screen == .services)
        _ = Reducer.reduce(&state, .input(.click(x: 3, y: 4)))  // the second row of the table
        #expect(state.selected == state.serviceRows[1].service.name)
        _ = press(&state, .char("1"))
        let chip = try #require(LayersLayout(state: state, area: Layout(width: 80, height: 24).body).bands[2].chips.last)
        _ = Reducer.reduce(&state, .input(.click(x: chip.x + 1, y: chip.y)))
        #expect(state.selected == "litellm")
    }

    /// The banner takes a row from the body: a click must land on the chip drawn below it, not
    /// one row low (the reducer once hit-tested the body without the banner).
    @Test func clicksLandOnTheChipDrawnWithTheBannerShown() throws {
        var state = try ConsoleFixtures.state(reachable: false)
        _ = press(&state, .char("1"))
        let screen = ConsoleRenderer.render(state)
        for band in state.frame.layers.bands {
            for chip in band.chips {
                #expect(screen.lines[chip.y].contains(chip.service), "chip \(chip.service) is drawn on row \(chip.y)")
                _ = Reducer.reduce(&state, .input(.click(x: chip.x + 2, y: chip.y)))
                #expect(state.selected == chip.service)
            }
        }
        #expect(state.frame.banner.height == 1)
    }

    @Test func theRoadmapRunsChecksMarksManualMetricsAndRegroups() throws {
        var state = try ConsoleFixtures.state()
        #expect(press(&state, .char("4")).contains(.runChecks))
        #expect(state.screen == .roadmap && state.checksRunning)
        #expect(!press(&state, .char("1"), .char("4")).contains(.runChecks))  // one run at a time
        _ = Reducer.reduce(&state, .labState(LabState()))
        #expect(!state.checksRunning)
        // Down to the first manual metric, then mark it.
        let rows = state.roadmapRows
        let manual = try #require(rows.firstIndex { if case .metric(let m) = $0 { return m.kind == .manual } else { return false } })
        state.roadmapRow = manual
        guard case .metric(let metric) = rows[manual] else { return }
        #expect(press(&state, .char("m")) == [.setMark(metric: metric.id, met: true)])
        let auto = try #require(rows.firstIndex { if case .metric(let m) = $0 { return m.kind == .auto } else { return false } })
        state.roadmapRow = auto
        #expect(press(&state, .char("m")).isEmpty)
        #expect(state.notice?.contains("checked automatically") == true)
        _ = press(&state, .char("p"))
        #expect(state.roadmapByPriority)
        #expect(state.roadmapRows.contains(.heading("Must-have", progress: (0, 4))))
        // Enter on an item opens that service.
        state.roadmapRow = 0
        _ = press(&state, .down, .enter)
        if case .detail(let service) = state.overlay { #expect(state.snapshot.status(of: service) != nil) } else { Issue.record("no detail") }
    }

    @Test func aServiceHealthyForTheFirstTimeIsNotedOnce() throws {
        var state = try ConsoleFixtures.state()
        let effects = Reducer.reduce(&state, .lab(.snapshot(state.snapshot)))
        #expect(effects.contains(.noteHealthy))
        #expect(!Reducer.reduce(&state, .lab(.snapshot(state.snapshot))).contains(.noteHealthy))
    }

    @Test func resizeToNothingAndBackNeverTraps() throws {
        var state = try ConsoleFixtures.state()
        for (width, height) in [(0, 0), (1, 1), (300, 2), (-5, -5), (80, 24)] {
            _ = Reducer.reduce(&state, .input(.resize(width: width, height: height)))
            _ = press(&state, .down, .right, .pageDown, .enter, .escape)
        }
        #expect(state.width == 80)
    }
}
