import Canvas
import Console

/// The Swarm panel under the Services table: lines from `Frame.swarmLines`, each with the glyph
/// and colour of its condition; what does not fit is cut at the bottom.
enum SwarmPanelView {
    static func draw(_ state: AppState, _ lines: [SwarmLine], into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        for (offset, line) in lines.prefix(area.height).enumerated() {
            let y = area.y + offset
            guard let condition = line.condition else {
                buffer.put(" " + line.text, x: area.x, y: y, style: Style(.title, .bold), maxWidth: area.width, clip: area)
                continue
            }
            let text = " \(ConditionStyle.glyph(condition, state.glyphs)) \(line.text)"
            buffer.put(DisplayWidth.truncate(text, to: area.width, ellipsis: state.glyphs.ellipsis), x: area.x, y: y, style: Style(ConditionStyle.role(condition)), clip: area)
        }
    }
}
