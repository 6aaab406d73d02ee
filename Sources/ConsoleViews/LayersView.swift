import Canvas
import Console
import LabCatalog
import LabModel

/// The stack as its five bands, each service a chip: glyph, name, host ports.
enum LayersView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard area.width >= 4, area.height >= 3 else {
            compact(state, into: &buffer, area)
            return
        }
        let layout = state.frame.layers
        let glyphs = state.glyphs
        for (index, band) in layout.bands.enumerated() {
            let title = band.layer?.title ?? "Unassigned"
            if index == 0 {
                buffer.put(glyphs.topLeft + String(repeating: glyphs.horizontal, count: area.width - 2) + glyphs.topRight, x: area.x, y: band.titleRow, style: Style(.border))
                buffer.put(" \(title) ", x: area.x + 1, y: band.titleRow, style: Style(.title, .bold), maxWidth: area.width - 2)
            } else {
                buffer.separator(y: band.titleRow, x: area.x, width: area.width, title: title, glyphs: glyphs)
            }
            let lastRow = band.chips.last?.y ?? band.titleRow
            for row in (band.titleRow + 1)..<(lastRow + 1) {
                buffer.put(glyphs.vertical, x: area.x, y: row, style: Style(.border))
                buffer.put(glyphs.vertical, x: area.maxX - 1, y: row, style: Style(.border))
            }
            for chip in band.chips {
                guard let status = state.snapshot.status(of: chip.service) else { continue }
                let selected = chip.service == state.selected
                let condition = ConditionStyle.role(status)
                let text = layout.expanded ? line(state, status, width: chip.width) : LayersLayout.chipText(status, glyphs: glyphs, in: state.snapshot)
                let style = selected ? Style(.selected, .bold) : Style(condition == .notInstalled ? .notInstalled : .text)
                buffer.put(text, x: chip.x, y: chip.y, style: style, maxWidth: chip.width)
                if !selected { buffer.put(ConditionStyle.glyph(status, glyphs), x: chip.x, y: chip.y, style: Style(condition)) }
            }
            // The band's roll-up, and what did not fit, at the right of its title row.
            let services = state.layerBands.first { $0.layer == band.layer }?.services ?? []
            let summary = " " + ChromeView.countsText(services, glyphs: glyphs) + (band.hidden > 0 ? " · +\(band.hidden) more " : " ")
            let titleWidth = DisplayWidth.of(title) + 4
            if DisplayWidth.of(summary) + titleWidth + 2 < area.width {
                buffer.put(summary, x: area.maxX - DisplayWidth.of(summary) - 2, y: band.titleRow, style: Style(.muted))
            }
        }
        if let last = layout.bands.last, let bottom = last.chips.last?.y ?? Optional(last.titleRow), bottom + 1 < area.maxY {
            buffer.put(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: area.width - 2) + glyphs.bottomRight, x: area.x, y: bottom + 1, style: Style(.border))
        }
    }

    /// A service as a whole row: `● open-webui :3000   healthy 3h 12m   cpu ▁▂▅ 2.0%  mem 300M   probe 3 ms`.
    static func line(_ state: AppState, _ status: ServiceStatus, width: Int) -> String {
        let glyphs = state.glyphs
        let ports = status.ports.prefix(3).map { ":\($0.host)" }.joined(separator: " ")
        var text = DisplayWidth.pad("\(ConditionStyle.glyph(status, glyphs)) \(status.service.name)\(EngineLabel.suffix(status, in: state.snapshot))", to: 15, ellipsis: glyphs.ellipsis) + " "
            + DisplayWidth.pad(ports, to: 20, ellipsis: glyphs.ellipsis) + " "
        let condition = status.condition.since == nil ? status.condition.text
            : "\(status.condition.text) \(Format.age(since: status.condition.since, now: state.now))"
        text += DisplayWidth.pad(condition, to: max(12, min(44, width - 79)), ellipsis: glyphs.ellipsis)  // room left for usage and probe
        let histories = status.containers.compactMap { state.history[$0.id] }
        if let cpu = state.cpu(status) {
            text += "  cpu " + Sparkline.text(StatsHistory.combined(histories).cpu, width: 8, glyphs: glyphs) + " " + Format.percent(cpu)
            text += "  mem " + Format.bytes(state.memory(status))
        }
        if let latency = status.probe?.latency, case .passed = status.probe?.outcome {
            text += "  probe \(DetailContent.milliseconds(latency)) ms"
        }
        return text
    }

    /// Too small for boxes: one line per band, as much as fits.
    private static func compact(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        for (row, band) in state.layerBands.enumerated() where row < area.height {
            let text = band.services.map { LayersLayout.chipText($0, glyphs: state.glyphs, in: state.snapshot) }.joined(separator: " ")
            buffer.put(text, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }
}
