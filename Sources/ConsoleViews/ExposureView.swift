import Canvas
import Console
import LabExposure

/// Who can reach each port: reach, route, auth and verdict, one row per service and port.
enum ExposureView {
    /// The verdict fits at 80 columns; WHY takes what is left.
    static let headers = [("SERVICE", 11), ("PORT", 6), ("REACH", 14), ("ROUTE", 12), ("AUTH", 12), ("VERDICT", 11), ("WHY", 80)]

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        Columns.headers(headers, into: &buffer, area)
        let rows = state.frame.exposureRows
        if rows.isEmpty {
            let why = state.snapshot.engine.reachable ? " no published or routed ports" : " the engine does not answer: nothing to judge"
            buffer.put(why, x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        let window = visibleWindow(count: rows.count, selected: state.exposureRow, rows: area.height - 1)
        for (offset, index) in window.enumerated() {
            let row = rows[index]
            let y = area.y + 1 + offset
            let route = row.routes.isEmpty ? (row.tunnels.isEmpty ? "-" : row.tunnelText) : row.routeText
            // `@engine` with several engines (issue 16): the engine of the container that publishes it.
            let engine = state.snapshot.engines.count > 1 ? state.snapshot.allContainers.first { $0.name == row.container }?.engine : nil
            let cells: [(String, Style)] = [
                (row.service + EngineSuffix.of(engine: engine, in: state.snapshot), Style(.text)), (row.portText, Style(.text, .bold)), (row.reach.text, Style(row.reach.beyondLoopback ? .warning : .muted)),
                (route, Style(row.routes.isEmpty ? .muted : .text)), (authText(row.auth), Style(authRole(row.auth))),
                (glyph(row.verdict, state.glyphs) + " " + row.verdict.rawValue, Style(role(row.verdict), row.verdict == .exposed ? .bold : [])),
                (row.why, Style(.muted)),
            ]
            Columns.row(cells, headers, y: y, ellipsis: state.glyphs.ellipsis, into: &buffer, area)
            if index == state.exposureRow {
                buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { Style(.selected, $0.emphasis.union(.bold)) }
            }
        }
    }

    /// A glyph per verdict, so colour is never the only signal.
    static func glyph(_ verdict: ExposureVerdict, _ glyphs: Glyphs) -> String {
        switch verdict {
        case .local: return glyphs.healthy
        case .protected: return glyphs.healthy
        case .open: return glyphs.starting
        case .exposed: return glyphs.failed
        }
    }

    static func role(_ verdict: ExposureVerdict) -> Role {
        switch verdict {
        case .local, .protected: return .healthy
        case .open: return .warning
        case .exposed: return .unhealthy
        }
    }

    /// The auth cell: the answer, or only that there is none (Detail and `ailab exposure` say why).
    static func authText(_ auth: AuthFinding) -> String {
        switch auth {
        case .noAnswer: return "no answer"
        case .notChecked: return "not checked"
        default: return auth.text
        }
    }

    static func authRole(_ auth: AuthFinding) -> Role {
        switch auth {
        case .required: return .healthy
        case .open: return .warning
        default: return .muted
        }
    }
}
