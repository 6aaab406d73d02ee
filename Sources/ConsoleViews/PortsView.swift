import Canvas
import Console

/// Host ports: who holds each, on what address, whether anything answers, and clashes.
enum PortsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        // With several engines each port says whose it is (issue 16); with one, no ENGINE column.
        let engines = state.snapshot.engines.count > 1
        let headers = [("HOST", 5), ("PROTO", 5), ("ADDRESS", 9)] + (engines ? [("ENGINE", 8)] : [])
            + [("SERVICE", 12), ("CONTAINER", engines ? 18 : 22), ("LISTEN", 6), ("CLASH", 40)]
        Columns.headers(headers, into: &buffer, area)
        let rows = state.frame.portRows
        if rows.isEmpty {
            buffer.put(" no published or declared ports", x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        let window = visibleWindow(count: rows.count, selected: state.portRow, rows: area.height - 1)
        for (offset, index) in window.enumerated() {
            let row = rows[index]
            let y = area.y + 1 + offset
            let listen: (String, Role) = switch row.listening {
            case .some(true): ("yes", .healthy)
            case .some(false): ("no", row.published ? .unhealthy : .muted)
            case nil: (row.unreachable == nil ? "…" : "n/a", .muted)
            }
            let container = row.container.map { "\($0):\(row.containerPort)" } ?? "(declared) :\(row.containerPort)"
            let clash = row.clashesWith.isEmpty ? "" : "\(state.glyphs.failed) \(row.clashesWith.joined(separator: ", "))"
            // Not asked from here (loopback on a remote engine): why, where a clash would be.
            let note: (String, Style) = clash.isEmpty ? (row.unreachable.map { "not probed: \($0)" } ?? "", Style(.muted)) : (clash, Style(.error))
            let cells: [(String, Style)] = [(String(row.host), Style(.text, .bold)), (row.proto, Style(.muted)), (row.address, Style(.muted))]
                + (engines ? [(row.engine ?? "", Style(.muted))] : [])
                + [(row.service ?? "(other)", Style(row.service == nil ? .muted : .text)),
                   (container, Style(row.published ? .text : .notInstalled)), (listen.0, Style(listen.1)), note]
            Columns.row(cells, headers, y: y, ellipsis: state.glyphs.ellipsis, into: &buffer, area)
            if index == state.portRow {
                buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { Style(.selected, $0.emphasis.union(.bold)) }
            }
        }
    }
}
