import Canvas
import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// The action bar (what is running, a pull's progress), the plan dialog, and the action log.
enum ActionViews {
    /// Rows the action bar takes at the bottom of the body: two while a pull shows a bar.
    static func bar(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let action = state.action, !area.isEmpty else { return }
        let glyphs = state.glyphs
        buffer.fill(area, style: Style(.banner))
        let stage = action.stage == .planning ? "planning\(glyphs.ellipsis)" : action.stage == .cancelling ? "cancelling\(glyphs.ellipsis)" : action.step ?? ""
        let hint = action.stage == .cancelling ? "" : "  C cancel · a log"
        let room = area.width - DisplayWidth.of(hint) - 1
        var x = area.x + buffer.put(" \(glyphs.arrow) \(action.title)", x: area.x, y: area.y, style: Style(.banner, .bold), clip: area)
        if room > x + 4 {
            buffer.put(DisplayWidth.truncate(" · \(stage)", to: room - x, ellipsis: glyphs.ellipsis), x: x, y: area.y, style: Style(.banner), clip: area)
        }
        if !hint.isEmpty, area.width > DisplayWidth.of(hint) + 20 {
            buffer.put(hint, x: area.maxX - DisplayWidth.of(hint) - 1, y: area.y, style: Style(.banner), clip: area)
        }
        // The step above names the image; this row is the bar and the figures.
        guard let pull = action.pull, area.height > 1 else { return }
        let y = area.y + 1
        let figures = " \(pull.summary) "
        let barWidth = max(0, area.width - DisplayWidth.of(figures) - 4)
        let filled = pull.total > 0 ? Int(Double(barWidth) * Double(pull.downloaded) / Double(pull.total)) : 0
        x = area.x + 3
        x += buffer.put(String(repeating: glyphs.full, count: filled), x: x, y: y, style: Style(.progressDone), clip: area)
        x += buffer.put(String(repeating: glyphs.empty, count: max(0, barWidth - filled)), x: x, y: y, style: Style(.progressTodo), clip: area)
        buffer.put(figures, x: x, y: y, style: Style(.banner), clip: area)
        guard area.height > 2 else { return }
        let layers = pull.layers.map { "\($0.id.prefix(12)) \(layerState($0, glyphs: glyphs))" }.joined(separator: "  ")
        buffer.put(DisplayWidth.truncate(layers, to: area.width - 4, ellipsis: glyphs.ellipsis), x: area.x + 3, y: y + 1, style: Style(.banner), clip: area)
    }

    /// `37%` while downloading, a tick once done, else the engine's own word.
    static func layerState(_ layer: PullStatus.Layer, glyphs: Glyphs) -> String {
        switch layer.phase {
        case .done: return glyphs.healthy
        case .downloading where layer.total > 0: return "\(Saturating.int(Double(layer.current) / Double(layer.total) * 100, in: 0...100))%"
        default: return layer.status.lowercased()
        }
    }

    /// The plan with its refusals or the question in hand, over the body.
    static func dialog(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let action = state.action, let plan = action.plan, area.width >= 10, area.height >= 4 else { return }
        buffer.fill(area)
        let refused = action.stage == .refused
        buffer.box(area, title: refused ? "\(action.title): refused" : action.title, glyphs: state.glyphs, style: Style(refused ? .unhealthy : .borderFocused))
        let inner = area.inset(by: 1)
        var lines: [(String, Style)] = [("Plan:", Style(.title, .bold))]
        lines += plan.entries.enumerated().map { ("  \($0.offset + 1). \($0.element.summary)", Style(.text)) }
        lines += plan.warnings.map { ("  \(state.glyphs.dot) warning: \($0)", Style(.warning)) }
        if refused {
            lines.append(("", Style(.text)))
            lines.append(("Nothing was changed, because:", Style(.title, .bold)))
            lines += plan.refusals.map { ("  \(state.glyphs.dot) \($0)", Style(.warning)) }
        }
        let question: String
        if case .confirming(let index) = action.stage, action.questions.indices.contains(index) {
            let step = action.questions.count > 1 ? " (\(index + 1) of \(action.questions.count))" : ""
            question = "\(action.questions[index])\(step)  y yes · n no"
        } else {
            question = "any key closes"
        }
        let wrapped = lines.flatMap { line, style in wrap(line, width: inner.width - 1).map { ($0, style) } }
        for (row, (text, style)) in wrapped.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.put(text, x: inner.x + 1, y: inner.y + row, style: style, clip: inner)
        }
        let questionLines = wrap(question, width: inner.width - 1).suffix(2)
        for (offset, text) in questionLines.enumerated() {
            buffer.put(text, x: inner.x + 1, y: inner.maxY - questionLines.count + offset, style: Style(refused ? .muted : .key, .bold), clip: inner)
        }
    }

    /// This session's action steps, newest at the bottom.
    static func log(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard area.width >= 10, area.height >= 3 else { return }
        buffer.fill(area)
        buffer.box(area, title: "Action log · Esc closes", glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        var rows: [(String, Style)] = []
        for event in state.actionLog {
            let (glyph, style): (String, Style) = switch event.outcome {
            case .done: (state.glyphs.healthy, Style(.healthy))
            case .failed: (state.glyphs.failed, Style(.unhealthy))
            case .started: (state.glyphs.arrow, Style(.text))
            case .info, .progress: (state.glyphs.dot, Style(.muted))
            }
            let head = "\(Format.clock(event.time, timeZone: state.timeZone)) \(glyph) \(event.action.rawValue) \(event.service ?? ""): "
            for (index, line) in event.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                rows.append(((index == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head))) + line, style))
            }
        }
        if rows.isEmpty { rows = [("No actions yet in this session. i s x r D P act on the selected service; every step is also kept in actions.log in the state directory.", Style(.muted))] }
        for (row, (text, style)) in rows.suffix(inner.height).enumerated() {
            buffer.put(DisplayWidth.truncate(text, to: inner.width - 1, ellipsis: state.glyphs.ellipsis), x: inner.x + 1, y: inner.y + row, style: style, clip: inner)
        }
    }

    /// Greedy word wrap to `width` display columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 4, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = "    " + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines
    }
}
