import Canvas
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The console's logic: folds an event into the state and says what the outside should do.
/// Pure: no I/O, so every behaviour is testable with plain values.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: ConsoleEvent) -> [Effect] {
        defer { state.refreshFrame() }
        return fold(&state, event)
    }

    /// Folds without deriving the frame: the run loop folds a batch of engine news this way
    /// and calls `refreshFrame()` once, before the next input or the drawing (issue 17).
    public static func reduceDeferringFrame(_ state: inout AppState, _ event: ConsoleEvent) -> [Effect] {
        fold(&state, event)
    }

    static func fold(_ state: inout AppState, _ event: ConsoleEvent) -> [Effect] {
        switch event {
        case .input(let input): return handle(&state, input)
        case .lab(.snapshot(let snapshot)): return apply(&state, snapshot)
        case .lab(.event(let engineEvent)):
            record(&state, engineEvent)
            return []
        case .stats(let id, let sample):
            state.stats[id] = sample
            state.history[id, default: StatsHistory()].append(sample)
            return []
        case .logLines(let lines):
            appendLogs(&state, lines)
            return []
        case .logsEnded(let reason):
            state.logs.ended = reason ?? "the stream ended"
            return []
        case .portProbes(let results):
            state.listening.merge(results) { $1 }
            return []
        case .exposureChecked(let findings, let unchecked):
            (state.exposureAuth, state.exposureUnchecked) = (findings, unchecked)
            return []
        case .exposureFiles(let extras):
            state.exposureExtras = extras
            return []
        case .exposePlanned(let plan):
            state.exposeDialog = plan
            return []
        case .labState(let labState):
            state.labState = labState
            state.checksRunning = false
            return []
        case .stateError(let message):
            state.notice = message
            state.checksRunning = false
            return []
        case .actionPlanned(let plan): return planned(&state, plan)
        case .actionUnavailable(let message):
            unavailable(&state, message)
            return []
        case .actionStep(let step):
            recordStep(&state, step)
            return []
        case .actionFinished(let result):
            finished(&state, result)
            return []
        case .notice(let message):
            state.notice = message
            return []
        case .tick(let date):
            state.now = max(state.now, date)
            return []
        case .inspectDocument(let id, let lines):
            if state.overlay == .inspect, state.inspect.containerID == id {
                state.inspect.lines = lines
                state.inspect.scroll = 0
            }
            return []
        case .gpu(let reading):
            state.gpu = reading
            return []
        case .detailTail(let service, let lines):
            if state.overlay == .detail(service: service) { state.detailTail = lines }
            return []
        }
    }

    static func handle(_ state: inout AppState, _ input: InputEvent) -> [Effect] {
        switch input {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            return statsEffect(state)
        case .click(let x, let y): return click(&state, x: x, y: y)
        case .scroll(let up): return perform(&state, up ? .up : .down)
        case .key(let key):
            state.notice = nil
            if state.palette != nil { return editPalette(&state, key) }
            if state.inspect.editingSearch { return editInspectSearch(&state, key) }
            if state.editingFilter { return editFilter(&state, key) }
            if state.logs.editingSearch { return editSearch(&state, key) }
            if state.overlay == .help { return helpKey(&state, key) }
            if state.shellChooser != nil { return chooseShell(&state, key) }
            if key == .ctrl("c") { return [.quit] }
            if state.exposeDialog != nil { return answerExpose(&state, key) }
            if let stage = state.action?.stage, stage == .refused || { if case .confirming = stage { true } else { false } }() {
                return answer(&state, key)
            }
            state.inspect.message = nil
            let scope: KeyScope = state.overlay == .logs || state.overlay == .inspect ? .logs : state.overlay != nil ? .lists
                : state.screen == .services ? .services : state.screen == .roadmap ? .roadmap : state.screen == .exposure ? .exposure : .lists
            guard let command = state.keys.command(for: key, in: scope) else { return [] }
            return perform(&state, command)
        }
    }

    /// The help scrolls with the movement keys; any other key closes it (q still quits).
    private static func helpKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let page = max(1, state.frame.helpArea.height - 2)
        switch key {
        case .up, .char("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .down, .char("j"): state.helpScroll += 1
        case .pageUp: state.helpScroll = max(0, state.helpScroll - page)
        case .pageDown: state.helpScroll += page
        default:
            state.overlay = nil
            return state.keys.command(for: key, in: .everywhere) == .quit || key == .ctrl("c") ? [.quit] : []
        }
        // The view shows as many columns as fit; past the last row there is nothing to scroll to.
        state.helpScroll = min(state.helpScroll, state.keys.helpLineCount)
        return []
    }

    /// The palette line: type, Tab completes, Enter runs, Esc closes.
    private static func editPalette(_ state: inout AppState, _ key: Key) -> [Effect] {
        let services = state.snapshot.services.map(\.service.name)
        switch key {
        case .escape:
            state.palette = nil
        case .backspace:
            if state.palette?.isEmpty == false { state.palette?.removeLast() }
        case .tab:
            (state.palette, state.paletteCandidates) = Palette.complete(state.palette ?? "", services: services)
            return []
        case .enter:
            let line = state.palette ?? ""
            state.palette = nil
            state.paletteCandidates = []
            switch Palette.parse(line, services: services) {
            case .problem(let why):
                state.notice = ":\(line.trimmed { $0 == " " || $0 == "\t" }): \(why)"
                return []
            case .run(let command, let service):
                if let service {
                    state.selected = service
                    if state.overlay != nil, command != .logs { state.overlay = nil }
                    point(&state, at: service)
                }
                return perform(&state, command)
            }
        case .char(let character): state.palette?.append(character)
        case .ctrl("c"): return [.quit]
        default: break
        }
        state.paletteCandidates = []
        return []
    }

    /// The Roadmap and Ports screens act on their own row: move it to the named service's.
    private static func point(_ state: inout AppState, at service: String) {
        switch state.screen {
        case .roadmap:
            if let row = state.roadmapRows.firstIndex(where: { if case .item(let item) = $0 { item.service == service } else { false } }) {
                state.roadmapRow = row
            } else {
                state.screen = .layers
            }
        case .ports:
            if let row = state.portRows.firstIndex(where: { $0.service == service }) { state.portRow = row } else { state.screen = .layers }
        default: break
        }
    }

    private static func editInspectSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
        editLine(&state, key, text: \.inspect.search, editing: \.inspect.editingSearch) { state in
            if let hit = state.inspect.match(forward: true, includingCurrent: true) {
                state.inspect.scroll = hit
            } else if !state.inspect.search.isEmpty {
                state.inspect.message = "no match for '\(state.inspect.search)'"
            }
        }
    }

    private static func editFilter(_ state: inout AppState, _ key: Key) -> [Effect] {
        if let quit = editLine(&state, key, text: \.filter, editing: \.editingFilter, enter: { _ in }).first { return [quit] }
        keepSelectionVisible(&state)
        return statsEffect(state)
    }

    private static func editSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
        editLine(&state, key, text: \.logs.search, editing: \.logs.editingSearch) { jumpToMatch(&$0, older: true, includingCurrent: true) }
    }

    /// One line being typed (a filter, a search): Enter keeps it, Esc clears it, Ctrl-C quits.
    private static func editLine(
        _ state: inout AppState, _ key: Key, text: WritableKeyPath<AppState, String>, editing: WritableKeyPath<AppState, Bool>,
        enter: (inout AppState) -> Void
    ) -> [Effect] {
        switch key {
        case .enter:
            state[keyPath: editing] = false
            enter(&state)
        case .escape:
            state[keyPath: editing] = false
            state[keyPath: text] = ""
        case .backspace: if !state[keyPath: text].isEmpty { state[keyPath: text].removeLast() }
        case .char(let character): state[keyPath: text].append(character)
        case .ctrl("c"): return [.quit]
        default: break
        }
        return []
    }

    /// After filtering, the selection moves to the first row still shown.
    static func keepSelectionVisible(_ state: inout AppState) {
        guard state.screen == .services else { return }
        let rows = state.serviceRows
        if !rows.contains(where: { $0.service.name == state.selected }), let first = rows.first {
            state.selected = first.service.name
        }
    }
}
