import Canvas
import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabModel

/// Every service as a table row, sortable and filterable; CPU and memory for the rows on screen.
enum ServicesView {
    struct Column: Sendable {
        var title: String
        var width: Int
        var sort: ServiceSort?
        var value: @Sendable (AppState, ServiceStatus) -> (String, Style)
    }

    /// In order of importance: narrow terminals keep the first ones.
    static let columns: [Column] = [
        Column(title: "SERVICE", width: 13, sort: .name) { state, status in
            ("\(ConditionStyle.glyph(status, state.glyphs)) \(status.service.name)\(EngineLabel.suffix(status, in: state.snapshot))", Style(ConditionStyle.role(status) == .notInstalled ? .notInstalled : .text))
        },
        Column(title: "CONDITION", width: 17, sort: .condition) { _, status in (status.condition.text, Style(ConditionStyle.role(status))) },
        Column(title: "AGE", width: 7, sort: .age) { state, status in
            status.condition.since == nil ? ("-", Style(.muted)) : (Format.age(since: status.condition.since, now: state.now), Style(.text))
        },
        Column(title: "PORTS", width: 11, sort: nil) { _, status in
            (status.ports.isEmpty ? "-" : status.ports.map { String($0.host) }.joined(separator: ","), Style(.text))
        },
        Column(title: "CPU", width: 6, sort: .cpu) { state, status in
            status.state == .running ? (Format.percent(state.cpu(status)), Style(.text)) : ("-", Style(.muted))
        },
        Column(title: "MEM", width: 6, sort: .memory) { state, status in
            let memory = state.memory(status)
            return status.state == .running && memory > 0 ? (Format.bytes(memory), Style(.text)) : ("-", Style(.muted))
        },
        Column(title: "UP", width: 7, sort: .uptime) { state, status in
            status.startedAt == nil ? ("-", Style(.muted)) : (Format.age(since: status.startedAt, now: state.now), Style(.text))
        },
        Column(title: "LAYER", width: 8, sort: .layer) { _, status in (status.service.layer?.rawValue ?? "-", Style(.muted)) },
        Column(title: "PH", width: 3, sort: nil) { _, status in (status.service.phase.map(String.init) ?? "-", Style(.muted)) },
        Column(title: "CPU HISTORY", width: 16, sort: nil) { state, status in
            let cpu = StatsHistory.combined(status.containers.compactMap { state.history[$0.id] }).cpu
            return cpu.isEmpty ? ("", Style(.muted)) : (Sparkline.text(cpu, width: 16, glyphs: state.glyphs), Style(.accent))
        },
    ]

    /// The columns that fit, in order of importance; room to spare goes to CONDITION, whose why
    /// ("unhealthy (probe: GET /api/version → 404)") is the point of the screen.
    static func fitting(_ width: Int, _ columns: [Column] = columns) -> [Column] {
        var used = 1
        var shown = Array(columns.prefix { column in
            used += column.width + 1
            return used <= width + 1
        })
        if shown.count == columns.count, let index = shown.firstIndex(where: { $0.sort == .condition }) {
            shown[index].width += min(max(0, width + 1 - used), 26)
        }
        return shown
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let swarm = state.frame.swarmLines
        let (area, panel) = swarm.isEmpty ? (area, Rect(x: area.x, y: area.maxY, width: area.width, height: 0)) : area.splitBottom(min(swarm.count, area.height / 2))
        SwarmPanelView.draw(state, swarm, into: &buffer, panel)
        let shown = fitting(area.width, columns(state))
        var x = area.x + 1
        for column in shown {
            let marker = column.sort == state.sort ? (state.sortDescending ? state.glyphs.down : state.glyphs.up) : ""
            buffer.put(column.title + marker, x: x, y: area.y, style: Style(.title, .bold), maxWidth: column.width, clip: area)
            x += column.width + 1
        }
        let rows = state.frame.serviceRows
        if rows.isEmpty {
            buffer.put(" nothing matches /\(state.filter)", x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        let selectedIndex = rows.firstIndex { $0.service.name == state.selected } ?? 0
        let window = visibleWindow(count: rows.count, selected: selectedIndex, rows: area.height - 1)
        for (offset, index) in window.enumerated() {
            let y = area.y + 1 + offset
            let status = rows[index]
            var x = area.x + 1
            for column in shown {
                let (text, style) = column.value(state, status)
                buffer.put(DisplayWidth.truncate(text, to: column.width, ellipsis: state.glyphs.ellipsis), x: x, y: y, style: style, clip: area)
                x += column.width + 1
            }
            if index == selectedIndex {
                buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { Style(.selected, $0.emphasis.union(.bold)) }
            }
        }
    }
}
