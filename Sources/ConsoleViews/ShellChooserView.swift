import Canvas
import Console

/// `e` on a service of several running containers: a small box over the screen asking which
/// component to open the shell in.
enum ShellChooserView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let chooser = state.shellChooser else { return }
        let hint = "↑↓ Enter opens · Esc closes"
        let rows = chooser.choices.enumerated().map { "\($0.offset + 1)  \($0.element.label)  (\($0.element.container.name))" }
        let title = "Shell in which of \(chooser.service)?"
        let wanted = max(DisplayWidth.of(title), DisplayWidth.of(hint), rows.map(DisplayWidth.of).max() ?? 0) + 6
        let width = min(area.width, wanted)
        let height = min(area.height, chooser.choices.count + 4)
        guard width >= 10, height >= 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box)
        buffer.box(box, title: title, glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = box.inset(by: 1)
        let visible = max(1, inner.height - 2)
        let first = max(0, min(chooser.row - visible + 1, rows.count - visible))
        for (offset, text) in rows.dropFirst(first).prefix(visible).enumerated() {
            let selected = first + offset == chooser.row
            let line = DisplayWidth.truncate(text, to: inner.width - 2, ellipsis: state.glyphs.ellipsis)
            if selected { buffer.fill(Rect(x: inner.x, y: inner.y + offset, width: inner.width, height: 1), style: Style(.selected)) }
            buffer.put(line, x: inner.x + 1, y: inner.y + offset, style: selected ? Style(.selected, .bold) : Style(.text), clip: inner)
        }
        let hintText = state.glyphs == .ascii ? "Up/Down Enter opens - Esc closes" : hint
        buffer.put(DisplayWidth.truncate(hintText, to: inner.width - 2, ellipsis: state.glyphs.ellipsis), x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), clip: inner)
    }
}
