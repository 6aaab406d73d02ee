import Basics
import Canvas
import Console
import LabCatalog
import LabModel

/// Below the screen: the selected service in two lines, and the roadmap's phase progress.
enum SummaryView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty, let status = state.selectedStatus else { return }
        let condition = ConditionStyle.role(status)
        var x = area.x + 1
        x += buffer.put(ConditionStyle.glyph(status, state.glyphs) + " ", x: x, y: area.y, style: Style(condition), clip: area)
        x += buffer.put(status.service.name + EngineLabel.suffix(status, in: state.snapshot), x: x, y: area.y, style: Style(.text, .bold), clip: area)
        x += buffer.put("  \(stateText(state, status))", x: x, y: area.y, style: Style(condition), clip: area)
        x += buffer.put("   \(image(status))", x: x, y: area.y, style: Style(.muted), clip: area)
        if let project = status.standInProject {
            x += buffer.put("   stand-in from \(project.isEmpty ? "no project" : "project \(project)")", x: x, y: area.y, style: Style(.warning), clip: area)
        }
        if !status.service.dependencies.isEmpty {
            x += buffer.put("   needs", x: x, y: area.y, style: Style(.muted), clip: area)
            for dependency in status.service.dependencies {
                guard let needed = state.snapshot.status(of: dependency) else { continue }
                x += buffer.put(" \(dependency) ", x: x, y: area.y, style: Style(.text), clip: area)
                x += buffer.put(ConditionStyle.glyph(needed, state.glyphs), x: x, y: area.y, style: Style(ConditionStyle.role(needed)), clip: area)
            }
        }
        guard area.height > 1 else { return }
        buffer.put(DisplayWidth.truncate(secondLine(state, status), to: area.width - 3, ellipsis: state.glyphs.ellipsis),
                   x: area.x + 3, y: area.y + 1, style: Style(status.failingCheck != nil ? .error : .muted))
    }

    /// `crashed (exit 3) 4m`: the condition, its why, and how long, by the engine's times.
    static func stateText(_ state: AppState, _ status: ServiceStatus) -> String {
        let condition = status.condition
        return condition.since == nil ? condition.text : "\(condition.text) \(Format.age(since: condition.since, now: state.now))"
    }

    /// The image the primary component's container really runs; the catalog's when there is none.
    static func image(_ status: ServiceStatus) -> String {
        let primary = status.containers.first { $0.component == status.service.primary.name } ?? status.containers.first
        return primary?.image ?? status.service.primary.image
    }

    /// Why it is unhealthy when it is; what it is otherwise.
    static func secondLine(_ state: AppState, _ status: ServiceStatus) -> String {
        if let failing = status.failingCheck {
            let output = failing.run.output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            return "last check: \(output.trimmed { $0 == " " || $0 == "\t" })   (exit \(failing.run.exitCode))"
        }
        if !status.missingComponents.isEmpty { return "missing: \(status.missingComponents.joined(separator: ", "))" }
        return status.service.summary
    }

    /// `Phase 1 ██░░░░ 1/3` per phase; `P1 █░░ 1/3` when the long form cannot show them all.
    static func progress(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let phases = state.snapshot.catalog.roadmap.phases.filter { $0.number > 0 }
        let long = parts(state, phases, compact: false)
        let chosen = long.reduce(0) { $0 + $1.width } <= area.width - 1 ? long : parts(state, phases, compact: true)
        var x = area.x + 1
        for part in chosen {
            guard x + part.width - 2 <= area.maxX else { break }
            x += buffer.put(part.label, x: x, y: area.y, style: Style(.muted), clip: area)
            x += buffer.put(String(repeating: state.glyphs.full, count: part.filled), x: x, y: area.y, style: Style(.progressDone), clip: area)
            x += buffer.put(String(repeating: state.glyphs.empty, count: part.bar - part.filled), x: x, y: area.y, style: Style(.progressTodo), clip: area)
            x += buffer.put(part.count, x: x, y: area.y, style: Style(.text), clip: area)
        }
    }

    private static func parts(_ state: AppState, _ phases: [Phase], compact: Bool) -> [(label: String, bar: Int, filled: Int, count: String, width: Int)] {
        phases.map { phase in
            let (done, total) = state.snapshot.progress(of: phase)
            let bar = compact ? total : min(total * 2, 8)
            let label = compact ? "P\(phase.number) " : "Phase \(phase.number) "
            let count = compact ? " \(done)/\(total)  " : " \(done)/\(total)   "
            return (label, bar, total == 0 ? 0 : bar * done / total, count, label.count + bar + count.count)
        }
    }
}
