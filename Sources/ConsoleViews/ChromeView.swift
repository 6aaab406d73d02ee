import Canvas
import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabModel

/// The frame around every screen: header, tabs, engine banner and the key-hint footer.
enum ChromeView {
    static func header(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: Style(.header))
        let engine = state.snapshot.engine
        let version = engine.reachable ? " (\(engine.version ?? "?"))" : engine.error == nil ? " (connecting\(state.glyphs.ellipsis))" : " (unreachable)"
        var counts = countsText(state.snapshot.services, glyphs: state.glyphs)
        // Catalog warnings are not lost behind the screen: their count, and where to read them.
        let warnings = state.snapshot.catalog.warnings.count
        if warnings > 0 { counts = "\(warnings) warning\(warnings == 1 ? "" : "s") (?)  " + counts }
        let countsWidth = DisplayWidth.of(counts)
        var x = buffer.put(" ailab ", x: area.x, y: area.y, style: Style(.header, .bold))
        x += buffer.put(" \(state.snapshot.catalog.title)  ", x: area.x + x, y: area.y, style: Style(.header))
        let room = area.width - x - countsWidth - 2
        if room > 8 {
            let label = EngineLabel.header(state.snapshot, glyphs: state.glyphs) ?? "engine \(engine.endpoint)\(version)"
            buffer.put(DisplayWidth.truncate(label, to: room, ellipsis: state.glyphs.ellipsis),
                       x: area.x + x, y: area.y, style: Style(.header))
        }
        if countsWidth + 1 < area.width { buffer.put(counts, x: area.maxX - countsWidth - 1, y: area.y, style: Style(.header, .bold)) }
    }

    /// `●12 ◐1 ✗1 ↻1 ○3 ✓1 ·8`: services by condition glyph, glyph first so no colour is needed
    /// (✗ unhealthy or crashed, ↻ restarting, ○ stopped or paused, ✓ completed).
    static func countsText(_ services: [ServiceStatus], glyphs: Glyphs) -> String {
        var tally: [String: Int] = [:]
        for status in services { tally[ConditionStyle.glyph(status, glyphs), default: 0] += 1 }
        let order = [glyphs.healthy, glyphs.starting, glyphs.failed, glyphs.restarting, glyphs.stopped, glyphs.completed, glyphs.notInstalled, glyphs.unknown]
        return order.compactMap { glyph in tally[glyph].map { "\(glyph)\($0)" } }.joined(separator: " ")
    }

    static func tabs(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let spans = Layout.tabSpans(width: area.width)
        for tab in spans {
            let active = tab.screen == state.screen && (state.overlay == nil || state.overlay == .help)
            buffer.put(tab.label, x: tab.start, y: area.y, style: Style(active ? .tabActive : .tabInactive), clip: area)
        }
        let help = "? help"
        let end = (spans.last.map { $0.start + $0.label.count } ?? 0) + 2
        if area.width - end > help.count { buffer.put(help, x: area.maxX - help.count - 1, y: area.y, style: Style(.muted)) }
    }

    /// The engine is gone: say so, why, and when the next try is; health reads unknown below.
    static func banner(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let engine = state.snapshot.engine
        var text = engine.error == nil ? " connecting to \(engine.endpoint)\(state.glyphs.ellipsis)" : " engine unreachable"
        if let retry = engine.nextRetry { text += " · retry \(Format.clock(retry, timeZone: state.timeZone))" }
        if let reason = engine.reason ?? engine.error { text += " · \(reason)" }
        buffer.fill(area, style: Style(.banner))
        buffer.put(DisplayWidth.truncate(text, to: area.width, ellipsis: state.glyphs.ellipsis), x: area.x, y: area.y, style: Style(.banner, .bold))
    }

    static func footer(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        if let line = state.palette {
            var text = " :\(line)_"
            if !state.paletteCandidates.isEmpty { text += "   " + state.paletteCandidates.prefix(12).joined(separator: " ") }
            else if line.isEmpty { text += "   Tab completes · Enter runs · Esc closes" }
            buffer.put(DisplayWidth.truncate(text, to: area.width, ellipsis: state.glyphs.ellipsis), x: area.x, y: area.y, style: Style(.key), clip: area)
            return
        }
        if state.editingFilter || state.logs.editingSearch || state.inspect.editingSearch {
            let prompt = state.editingFilter ? "filter: \(state.filter)"
                : state.inspect.editingSearch ? "search: \(state.inspect.search)" : "search logs: \(state.logs.search)"
            buffer.put(" /\(prompt)_  Enter keep · Esc clear", x: area.x, y: area.y, style: Style(.key), clip: area)
            return
        }
        if let notice = state.notice ?? (state.overlay == .inspect ? state.inspect.message : nil) {
            buffer.put(" " + notice, x: area.x, y: area.y, style: Style(.warning), clip: area)
            return
        }
        var hints: [(String, String)]
        switch state.overlay {
        case .logs: hints = [("/", "search"), ("n N", "next/prev"), ("f", "follow"), ("Esc", "back"), ("q", "quit")]
        case .detail: hints = [("i s x r", "install start stop restart"), ("l", "logs"), ("Esc", "back"), ("q", "quit")]
        case .help: hints = [("any key", "close help")]
        case .actionLog: hints = [("Esc", "back"), ("C", "cancel the action"), ("q", "quit")]
        case .inspect: hints = [("/", "search"), ("n N", "next/prev"), ("Tab", "next container"), ("Esc", "back"), ("q", "quit")]
        case nil:
            hints = [("i", "install"), ("s", "start"), ("x", "stop"), ("r", "restart"), ("l", "logs"), (state.glyphs.enter, "detail"),
                     ("/", "filter"), ("?", "help"), ("q", "quit")]
            if state.screen == .services { hints.insert(("o O", "sort"), at: 7) }
            if state.screen == .roadmap {
                hints = [(state.glyphs.enter, "detail"), ("c", state.checksRunning ? "checking…" : "check"), ("m", "mark"), ("p", state.roadmapByPriority ? "by phase" : "by priority"), ("?", "help"), ("q", "quit")]
            }
            if !state.filter.isEmpty { hints.insert(("Esc", "clear /\(state.filter)"), at: 0) }
        }
        let inLogs = state.overlay == .logs || state.overlay == .inspect
        hints = hints.map { (state.keys.relabel($0.0, logs: inLogs), $0.1) }  // a key-map file's keys, not the defaults
        var x = area.x + 1
        for (key, label) in hints {
            let width = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
            guard x + width - 2 <= area.maxX else { break }
            x += buffer.put(key, x: x, y: area.y, style: Style(.key), clip: area)
            x += buffer.put(" \(label)  ", x: x, y: area.y, style: Style(.muted), clip: area)
        }
    }
}
