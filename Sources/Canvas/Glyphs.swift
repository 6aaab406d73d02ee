/// The characters views draw with: Unicode, or ASCII when the locale is not UTF-8.
public struct Glyphs: Sendable, Equatable {
    public var healthy, starting, failed, stopped, notInstalled, unknown, completed, restarting: String
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeLeft, teeRight: String
    public var full, empty, arrow, ellipsis, selected, up, down, enter, dot: String
    /// Sparkline levels, lowest first.
    public var sparks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static let unicode = Glyphs(
        healthy: "●", starting: "◐", failed: "✗", stopped: "○", notInstalled: "·", unknown: "?", completed: "✓", restarting: "↻",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤",
        full: "█", empty: "░", arrow: "→", ellipsis: "…", selected: "▶", up: "↑", down: "↓", enter: "⏎", dot: "·")

    public static let ascii = Glyphs(
        healthy: "+", starting: "~", failed: "x", stopped: "-", notInstalled: ".", unknown: "?", completed: "=", restarting: "!",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+",
        full: "#", empty: ".", arrow: "->", ellipsis: "~", selected: ">", up: "^", down: "v", enter: "Enter", dot: "-",
        sparks: ["_", ".", ",", ":", "-", "=", "+", "#"])
}

extension ScreenBuffer {
    /// A box around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, glyphs: Glyphs, style: Style = Style(.border), titleStyle: Style = Style(.title, .bold)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        put(glyphs.topLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.topRight, x: rect.x, y: rect.y, style: style)
        put(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            put(glyphs.vertical, x: rect.x, y: row, style: style)
            put(glyphs.vertical, x: rect.maxX - 1, y: row, style: style)
        }
        if let title, inner > 2 { put(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: inner) }
    }

    /// A separator across a box: ├──── Title ───┤.
    public mutating func separator(y: Int, x: Int, width: Int, title: String?, glyphs: Glyphs, style: Style = Style(.border), titleStyle: Style = Style(.title, .bold)) {
        guard width >= 2 else { return }
        put(glyphs.teeLeft + String(repeating: glyphs.horizontal, count: width - 2) + glyphs.teeRight, x: x, y: y, style: style)
        if let title, width > 4 { put(" \(title) ", x: x + 1, y: y, style: titleStyle, maxWidth: width - 2) }
    }
}
