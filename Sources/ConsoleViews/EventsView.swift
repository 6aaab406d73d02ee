import Canvas
import Console
import LabLive

/// The engine's live feed, newest first; health-check exec noise never reaches it.
enum EventsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        // With several engines each event says whose it is (issue 16): `qdrant@box`, a wider SERVICE.
        let engines = state.snapshot.engines.count > 1
        let headers = [("TIME", 8), ("SERVICE", engines ? 18 : 13), ("CONTAINER", engines ? 19 : 24), ("EVENT", 10), ("DETAIL", 20)]
        var x = area.x + 1
        for (title, width) in headers {
            buffer.put(title, x: x, y: area.y, style: Style(.title, .bold), maxWidth: width, clip: area)
            x += width + 1
        }
        let events = state.events.filter { event in
            state.filter.isEmpty || [event.service ?? "", event.container, event.kind.word, detail(event)].contains { $0.lowercased().contains(state.filter.lowercased()) }
        }
        if events.isEmpty {
            buffer.put(" waiting for the engine's events (start, stop, die, health…)", x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        let start = min(state.eventScroll, max(0, events.count - 1))
        for (offset, event) in events.dropFirst(start).prefix(max(0, area.height - 1)).enumerated() {
            let role: Role = switch event.kind {
            case .died: (event.exitCode ?? 0) == 0 ? .stopped : .unhealthy
            case .killed, .stopped: .stopped  // a stop or kill is someone's request, not a failure
            case .outOfMemory, .health(.unhealthy): .unhealthy
            case .health(.healthy), .started, .restarted, .unpaused: .healthy
            case .health: .starting
            default: .text
            }
            let cells: [(String, Style)] = [
                (Format.clock(event.time, timeZone: state.timeZone), Style(.muted)), ((event.service ?? "(other)") + EngineSuffix.of(engine: event.engine, in: state.snapshot), Style(.text)),
                (event.container, Style(.muted)), (event.kind.word, Style(role)), (detail(event), Style(role)),
            ]
            var x = area.x + 1
            for ((text, style), (_, width)) in zip(cells, headers) {
                buffer.put(DisplayWidth.truncate(text, to: width, ellipsis: state.glyphs.ellipsis), x: x, y: area.y + 1 + offset, style: style, clip: area)
                x += width + 1
            }
        }
    }

    static func detail(_ event: LabEvent) -> String {
        switch event.kind {
        case .health(let health): return health.rawValue
        case .died: return event.exitCode.map { "exit \($0)" } ?? ""
        case .outOfMemory: return "out of memory"
        default: return ""
        }
    }
}
