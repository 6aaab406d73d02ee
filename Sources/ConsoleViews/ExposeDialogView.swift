import Canvas
import Console

/// The question `E` asks before exposing a service: what becomes reachable and from where,
/// and which files change; y writes them, n changes nothing.
enum ExposeDialogView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let plan = state.exposeDialog, area.width >= 10, area.height >= 4 else { return }
        buffer.fill(area)
        buffer.box(area, title: "expose \(plan.service)" + (plan.via.map { " --via \($0.rawValue)" } ?? ""), glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        var lines: [(String, Style)] = [(plan.question, Style(.text)), ("", Style(.text))]
        lines.append(("Writes \(plan.routeFile)", Style(.muted)))
        if let ingress = plan.ingressFile { lines.append(("Adds \(plan.hostname) → \(plan.traefikURL) to \(ingress)", Style(.muted))) }
        let wrapped = lines.flatMap { line, style in ActionViews.wrap(line, width: inner.width - 1).map { ($0, style) } }
        for (row, (text, style)) in wrapped.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.put(text, x: inner.x + 1, y: inner.y + row, style: style, clip: inner)
        }
        buffer.put("y yes · n no", x: inner.x + 1, y: inner.maxY - 1, style: Style(.key, .bold), clip: inner)
    }
}
