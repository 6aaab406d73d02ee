import Canvas
import Console

/// The key list, drawn from the same table that handles the keys: over the whole screen, in as
/// many columns as the width allows; the catalog's warnings below it (the header points here).
enum HelpView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ whole: Rect) {
        let warnings = state.snapshot.catalog.warnings
        let (area, warningArea) = whole.splitBottom(warnings.isEmpty ? 0 : min(warnings.count + 2, whole.height / 2))
        drawWarnings(warnings.map(\.description), state: state, into: &buffer, warningArea)
        var lines: [(String, String, Bool)] = []
        for scope in KeyScope.allCases {
            lines.append((scope.rawValue, "", true))
            for binding in KeyMap.bindings where binding.scope == scope { lines.append((binding.label, binding.help, false)) }
        }
        guard area.width >= 8, area.height >= 3 else { return }
        buffer.fill(area)
        buffer.box(area, title: "Keys · any key closes", glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        let columns = max(1, min(3, inner.width / 38))
        let columnWidth = inner.width / columns
        let keyWidth = min(12, (lines.filter { !$0.2 }.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        for (index, (key, help, heading)) in lines.enumerated() {
            let column = index / max(1, inner.height)
            guard column < columns else {
                buffer.put(" +\(lines.count - index) more: a larger terminal shows them ", x: inner.x + 1, y: area.maxY - 1, style: Style(.muted), clip: area)
                break
            }
            let x = inner.x + column * columnWidth
            let y = inner.y + index % max(1, inner.height)
            let cell = Rect(x: x, y: y, width: columnWidth - 1, height: 1)
            if heading {
                buffer.put(key, x: x + 1, y: y, style: Style(.title, .bold), clip: cell)
            } else {
                buffer.put(key, x: x + 2, y: y, style: Style(.key), clip: cell)
                buffer.put(help, x: x + 2 + keyWidth, y: y, style: Style(.text), clip: cell)
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
