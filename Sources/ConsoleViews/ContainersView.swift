import Canvas
import Console
import LabModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every container of the engine, grouped by compose project, with the same condition, ports,
/// CPU, memory and age a service shows (and a CPU sparkline when the terminal is wide).
enum ContainersView {
    struct Column: Sendable {
        var title: String
        var width: Int
        var value: @Sendable (AppState, ContainerStatus, String?) -> (String, Style)
    }

    /// In order of importance: narrow terminals keep the first ones.
    static let columns: [Column] = [
        Column(title: "CONTAINER", width: 24) { state, container, _ in
            // `@engine` with several engines (issue 16).
            ("\(ConditionStyle.glyph(container.condition.condition, state.glyphs)) \(container.name)\(EngineSuffix.of(engine: container.engine, in: state.snapshot))", Style(.text))
        },
        Column(title: "CONDITION", width: 17) { _, container, _ in
            (container.condition.text, Style(ConditionStyle.role(container.condition.condition)))
        },
        Column(title: "AGE", width: 6) { state, container, _ in
            let since = container.condition.since
            return since == nil ? ("-", Style(.muted)) : (Format.age(since: since, now: state.now), Style(.text))
        },
        Column(title: "PORTS", width: 11) { _, container, _ in
            (container.ports.isEmpty ? "-" : container.ports.map { String($0.host) }.joined(separator: ","), Style(.text))
        },
        Column(title: "CPU", width: 6) { state, container, _ in
            container.state == .running ? (Format.percent(state.stats[container.id]?.cpuPercent), Style(.text)) : ("-", Style(.muted))
        },
        Column(title: "MEM", width: 6) { state, container, _ in
            guard container.state == .running, let memory = state.stats[container.id]?.memoryBytes, memory > 0 else { return ("-", Style(.muted)) }
            return (Format.bytes(memory), Style(.text))
        },
        Column(title: "SERVICE", width: 12) { _, _, service in (service ?? "-", Style(.muted)) },
        Column(title: "CPU HISTORY", width: 16) { state, container, _ in
            let cpu = state.history[container.id]?.cpu ?? []
            return cpu.isEmpty ? ("", Style(.muted)) : (Sparkline.text(cpu, width: 16, glyphs: state.glyphs), Style(.accent))
        },
    ]

    /// The image takes what room is left, when there is enough to read one.
    static let image = Column(title: "IMAGE", width: 0) { _, container, _ in (container.image, Style(.muted)) }

    static func fitting(_ width: Int) -> [Column] {
        var used = 1
        var shown = Array(columns.prefix { column in
            used += column.width + 1
            return used <= width + 1
        })
        let room = width + 1 - used
        if shown.count == columns.count, room >= 10 {
            var last = image
            last.width = room - 1
            shown.append(last)
        }
        return shown
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let shown = fitting(area.width)
        let widths = shown.map { ($0.title, $0.width) }
        Columns.headers(widths, into: &buffer, area)
        let rows = state.frame.containerRows
        guard !rows.isEmpty else {
            let why = state.filter.isEmpty ? " the engine has no containers" : " nothing matches /\(state.filter)"
            buffer.put(why, x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        let selected = state.selectedContainerStatus?.id
        for (offset, index) in Reducer.containerWindow(rows, selected: selected, height: area.height).enumerated() {
            let y = area.y + 1 + offset
            switch rows[index] {
            case .heading(let group, let count):
                let text = "\(group.title) · \(count) container\(count == 1 ? "" : "s")"
                buffer.put(DisplayWidth.truncate(text, to: max(0, area.width - 1), ellipsis: state.glyphs.ellipsis), x: area.x + 1, y: y, style: Style(.title), clip: area)
            case .container(let container, let service):
                let cells = shown.map { $0.value(state, container, service) }
                Columns.row(cells, widths, y: y, ellipsis: state.glyphs.ellipsis, into: &buffer, area)
                if container.id == selected {
                    buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { Style(.selected, $0.emphasis.union(.bold)) }
                }
            }
        }
    }
}
