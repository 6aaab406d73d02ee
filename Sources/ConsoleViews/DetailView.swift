import Canvas
import Console

/// Everything about one service (the frame's `DetailContent` lines), scrolled with j/k and
/// PgUp/PgDn: condition and why, probe, components, exits and last log lines, ports, what it
/// needs and what needs it, and its environment with secrets masked.
enum DetailView {
    static func draw(_ state: AppState, service name: String, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let status = state.snapshot.status(of: name) else { return }
        let service = status.service
        let lines = state.frame.detailLines
        let inner = area.inset(by: 1)
        let scroll = min(state.detailScroll, max(0, lines.count - inner.height))
        var title = "\(service.title) · \(service.layer?.title ?? "Unassigned")" + (service.phase.map { " · phase \($0)" } ?? "")
        if lines.count > inner.height, inner.height > 0 { title += " · \(scroll + 1)-\(min(lines.count, scroll + inner.height))/\(lines.count) j/k" }
        buffer.box(area, title: title, glyphs: state.glyphs, style: Style(.borderFocused))
        for (row, parts) in lines.dropFirst(scroll).prefix(max(0, inner.height)).enumerated() {
            var x = inner.x + 1
            for part in parts {
                x += buffer.put(part.text, x: x, y: inner.y + row, style: part.style, clip: inner)
            }
        }
    }
}
