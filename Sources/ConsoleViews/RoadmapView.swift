import Canvas
import Console
import LabCatalog

/// The roadmap: the next step, each phase (or priority) with its items' live state and
/// progress, and every success metric as a checklist with why it is unmet.
enum RoadmapView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let rows = state.frame.roadmapRows
        let selected = state.selectedRoadmapRow
        let glyphs = state.glyphs
        for (offset, index) in visibleWindow(count: rows.count, selected: selected, rows: area.height).enumerated() {
            let y = area.y + offset
            var x = area.x + 1
            switch rows[index] {
            case .next(let step):
                x += buffer.put("Next: ", x: x, y: y, style: Style(.accent, .bold), clip: area)
                x += buffer.put("\(step.text) ", x: x, y: y, style: Style(.text, .bold), clip: area)
                buffer.put("· \(glyphs.enter) details of \(step.service)", x: x, y: y, style: Style(.muted), clip: area)
            case .heading(let title, let progress):
                x += buffer.put(title + " ", x: x, y: y, style: Style(.title, .bold), clip: area)
                if let (done, total) = progress {
                    let bar = min(max(total, 1), 10)
                    let filled = total == 0 ? 0 : bar * done / total
                    x += buffer.put(String(repeating: glyphs.full, count: filled), x: x, y: y, style: Style(.progressDone), clip: area)
                    x += buffer.put(String(repeating: glyphs.empty, count: bar - filled), x: x, y: y, style: Style(.progressTodo), clip: area)
                    buffer.put(" \(done)/\(total)", x: x, y: y, style: Style(.text), clip: area)
                }
            case .item(let item):
                let role = ConditionStyle.role(item.condition.condition)
                x += buffer.put("  \(ConditionStyle.glyph(item.condition.condition, glyphs)) ", x: x, y: y, style: Style(role), clip: area)
                x += buffer.put(DisplayWidth.pad(item.service, to: 13), x: x, y: y, style: Style(.text), clip: area)
                let width = max(18, min(44, area.width - 50))  // the why of a condition, where there is room for it
                x += buffer.put(DisplayWidth.pad(DisplayWidth.truncate(item.condition.text, to: width - 1, ellipsis: glyphs.ellipsis), to: width), x: x, y: y, style: Style(role), clip: area)
                x += buffer.put(DisplayWidth.pad(item.effort, to: 7), x: x, y: y, style: Style(.muted), clip: area)
                var extra: [String] = []
                if let first = item.firstHealthy { extra.append("first healthy \(Format.day(first, timeZone: state.timeZone))") }
                if !item.dependencies.isEmpty { extra.append("needs \(item.dependencies.joined(separator: ", "))") }
                buffer.put(extra.joined(separator: " · "), x: x, y: y, style: Style(.muted), clip: area)
            case .metric(let metric):
                x += buffer.put(metric.met ? "  [x] " : "  [ ] ", x: x, y: y, style: Style(metric.met ? .healthy : .unhealthy, .bold), clip: area)
                x += buffer.put(metric.text, x: x, y: y, style: Style(.text), clip: area)
                let when = metric.at.map { " · \(metric.kind == .auto ? "checked" : "marked") \(Format.since($0, now: state.snapshot.takenAt, timeZone: state.timeZone))" } ?? ""
                buffer.put("  \(metric.kind.rawValue)\(when)", x: x, y: y, style: Style(.muted), clip: area)
            case .detail(let text):
                buffer.put("      \(text)", x: x, y: y, style: Style(.warning), clip: area)
            }
            if index == selected, rows[index].selectable {
                buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { Style(.selected, $0.emphasis.union(.bold)) }
            }
        }
    }
}
