import Canvas
@testable import Console
@testable import ConsoleViews
import Foundation
import Testing

/// The logs view's options: wrap, timestamps, how far back, saving, "no match", and the end
/// marker of a replaced container kept in time order.
@Suite struct LogOptionsTests {
    let t0 = ConsoleFixtures.now

    func openLogs() throws -> AppState {
        var state = try ConsoleFixtures.state()
        state.selected = "litellm"
        _ = Reducer.reduce(&state, .input(.key(.char("l"))))
        return state
    }

    @Test func keysToggleWrapAndTimesAndReadFurtherBack() throws {
        var state = try openLogs()
        func press(_ key: Key) -> [Effect] { Reducer.reduce(&state, .input(.key(key))) }
        _ = press(.char("w"))
        #expect(state.logs.wrap)
        _ = press(.char("t"))
        #expect(!state.logs.timestamps)
        let ref = ContainerRef(id: "id-litellm", name: "ailab-litellm-1")
        #expect(press(.char("s")) == [.stopLogs, .followLogs(service: "litellm", containers: [ref], window: .fiveMinutes)])
        #expect(press(.char("s")).last == .followLogs(service: "litellm", containers: [ref], window: .hour))
        #expect(LogWindow.hour.query(now: t0) == (nil, Int64(t0.timeIntervalSince1970) - 3600))
        #expect(LogWindow.recent.query(now: t0) == (300, nil))
        #expect(press(.char("W")).isEmpty)
        #expect(state.notice == "nothing to save yet")
        _ = Reducer.reduce(&state, .logLines([LogLine(time: t0, container: "ailab-litellm-1", stream: .stderr, text: "boom")]))
        guard case .saveLogs("litellm", let lines)? = press(.char("W")).first else {
            Issue.record("W did not save")
            return
        }
        #expect(lines.count == 1 && lines[0].hasSuffix("ailab-litellm-1 ! boom"))
    }

    @Test func aSearchThatFindsNothingSaysSo() throws {
        var state = try openLogs()
        _ = Reducer.reduce(&state, .logLines([LogLine(time: t0, container: "c", stream: .stdout, text: "hello")]))
        for key: Key in [.char("/"), .char("z"), .enter] { _ = Reducer.reduce(&state, .input(.key(key))) }
        #expect(state.notice == "no match for 'z'")
    }

    @Test func theEndMarkerStaysInTimeOrderAmongALaterContainersLines() throws {
        var state = try openLogs()
        _ = Reducer.reduce(&state, .logLines([LogLine(time: t0, container: "old", stream: .stdout, text: "last words")]))
        _ = Reducer.reduce(&state, .logLines([LogLine(time: t0.addingTimeInterval(2), container: "new", stream: .stdout, text: "hello again")]))
        _ = Reducer.reduce(&state, .logLines([LogLine(time: t0.addingTimeInterval(1), container: "old", stream: .stdout, text: "old stopped; its log ends here", marker: true)]))
        #expect(state.logs.lines.map(\.text) == ["last words", "old stopped; its log ends here", "hello again"])
    }

    @Test func aLongLineWrapsUnderItsTextWhenWrappingIsOn() throws {
        var state = try openLogs()
        let line = LogLine(time: t0, container: "c", stream: .stdout, text: String(repeating: "x", count: 50))
        #expect(LogsView.rows(line, state: state, multi: false, width: 30).count == 1)
        state.logs.wrap = true
        let rows = LogsView.rows(line, state: state, multi: false, width: 30)
        #expect(rows.count == 3)  // 30 columns less " HH:MM:SS " leave 20 for the text
        #expect(rows[1].first?.0 == String(repeating: " ", count: 10))
    }
}
