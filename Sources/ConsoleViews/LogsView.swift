import Canvas
import Console

/// A service's logs, components interleaved by time, stderr marked with `!` as well as colour.
enum LogsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        let logs = state.logs
        let mode = logs.following ? "following" : "paused \(logs.scrollBack) lines up · f follows"
        buffer.box(area, title: "Logs · \(logs.service ?? "?") · \(mode)", glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        guard !inner.isEmpty else { return }
        let multi = Set(logs.lines.map(\.container)).count > 1
        let end = logs.lines.count - logs.scrollBack
        let visible = logs.lines[max(0, end - inner.height)..<max(0, end)]
        for (row, line) in visible.enumerated() {
            let y = inner.y + row
            var x = inner.x
            x += buffer.put(line.stream == .stderr ? "!" : " ", x: x, y: y, style: Style(.stderr, .bold), clip: inner)
            x += buffer.put(Format.clock(line.time, timeZone: state.timeZone) + " ", x: x, y: y, style: Style(.muted), clip: inner)
            if multi { x += buffer.put(DisplayWidth.pad(line.container, to: 14, ellipsis: state.glyphs.ellipsis) + " ", x: x, y: y, style: Style(.accent), clip: inner) }
            let text = line.text.replacingOccurrences(of: "\t", with: "    ")
            buffer.put(text, x: x, y: y, style: Style(line.stream == .stderr ? .stderr : .text), clip: inner)
            highlight(logs.search, in: text, x: x, y: y, into: &buffer, inner)
        }
        if let ended = logs.ended, visible.count < inner.height {
            buffer.put(ended, x: inner.x + 1, y: inner.y + visible.count, style: Style(.muted), clip: inner)
        } else if logs.lines.isEmpty {
            buffer.put(" waiting for output…", x: inner.x, y: inner.y, style: Style(.muted), clip: inner)
        }
    }

    static func highlight(_ search: String, in text: String, x: Int, y: Int, into buffer: inout ScreenBuffer, _ clip: Rect) {
        guard !search.isEmpty, let range = text.range(of: search, options: .caseInsensitive) else { return }
        let start = x + DisplayWidth.of(text[..<range.lowerBound])
        buffer.restyle(Rect(x: start, y: y, width: DisplayWidth.of(text[range]), height: 1).clipped(to: clip)) { _ in Style(.match, .bold) }
    }
}

extension Rect {
    func clipped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }
}
