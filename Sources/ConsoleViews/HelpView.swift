import Canvas
import Console

/// The key list, drawn from the same table that handles the keys: whole descriptions, in as
/// many columns as fit the width, scrolled with j/k or PgUp/PgDn when they do not fit the height;
/// the catalog's warnings below it (the header points here).
enum HelpView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ whole: Rect) {
        let warnings = state.snapshot.catalog.warnings
        let (area, warningArea) = whole.splitBottom(warnings.isEmpty ? 0 : min(warnings.count + 2, whole.height / 2))
        drawWarnings(warnings.map(\.description), state: state, into: &buffer, warningArea)
        var lines: [(String, String, Bool)] = []
        for scope in KeyScope.allCases {
            lines.append((scope.rawValue, "", true))
            for binding in state.keys.bindings where binding.scope == scope { lines.append((binding.label, binding.help, false)) }
        }
        guard area.width >= 8, area.height >= 3 else { return }
        buffer.fill(area)
        let inner = area.inset(by: 1)
        let keyWidth = (lines.filter { !$0.2 }.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2
        let widest = lines.map { $0.2 ? DisplayWidth.of($0.0) : keyWidth + DisplayWidth.of($0.1) }.max() ?? 20
        let columns = max(1, min(lines.count, inner.width / (widest + 3)))
        let columnWidth = inner.width / columns
        let rows = (lines.count + columns - 1) / columns
        let visible = max(1, inner.height)
        let scroll = min(state.helpScroll, max(0, rows - visible))
        let title = rows > visible
            ? "Keys · \(scroll + 1)-\(min(rows, scroll + visible))/\(rows) · j/k PgUp/PgDn scroll · any other key closes"
            : "Keys · any key closes"
        buffer.box(area, title: title, glyphs: state.glyphs, style: Style(.borderFocused))
        for (index, (key, help, heading)) in lines.enumerated() {
            let (column, row) = (index / rows, index % rows - scroll)
            guard row >= 0, row < visible else { continue }
            let x = inner.x + column * columnWidth
            let cell = Rect(x: x, y: inner.y + row, width: columnWidth - 1, height: 1)
            if heading {
                buffer.put(key, x: x + 1, y: cell.y, style: Style(.title, .bold), clip: cell)
            } else {
                buffer.put(key, x: x + 2, y: cell.y, style: Style(.key), clip: cell)
                buffer.put(help, x: x + 2 + keyWidth, y: cell.y, style: Style(.text), clip: cell)
            }
        }
    }

    /// Problems in the catalog that did not stop it loading (`ailab config` prints them too).
    static func drawWarnings(_ warnings: [String], state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard area.width >= 8, area.height >= 3 else { return }
        buffer.fill(area)
        buffer.box(area, title: "Catalog warnings (\(warnings.count))", glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        for (index, warning) in warnings.prefix(inner.height).enumerated() {
            let text = DisplayWidth.truncate(warning, to: inner.width - 2, ellipsis: state.glyphs.ellipsis)
            buffer.put(text, x: inner.x + 1, y: inner.y + index, style: Style(.warning), clip: inner)
        }
    }
}
