import Canvas
import Console

/// A container's inspect document, pretty-printed with secrets masked, scrolled and searched.
enum InspectView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        let inspect = state.inspect
        let inner = area.inset(by: 1)
        let shown = min(inspect.lines.count, inspect.scroll + max(0, inner.height))
        let position = inspect.lines.isEmpty ? "" : " · \(inspect.scroll + 1)-\(shown)/\(inspect.lines.count)"
        buffer.box(area, title: "Inspect · \(inspect.containerName)\(position)", glyphs: state.glyphs, style: Style(.borderFocused))
        guard !inner.isEmpty else { return }
        if inspect.lines.isEmpty {
            buffer.put(" reading the engine's inspect document…", x: inner.x, y: inner.y, style: Style(.muted), clip: inner)
            return
        }
        for (row, line) in inspect.lines.dropFirst(inspect.scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let text = line.replacing("\t", with: "    ")
            buffer.put(text, x: inner.x + 1, y: y, style: Style(inspect.showsSecret(text) ? .secret : .text), clip: inner)
            LogsView.highlight(inspect.search, in: text, x: inner.x + 1, y: y, into: &buffer, inner)
        }
    }
}
