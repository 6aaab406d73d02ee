import Basics
import Canvas
import LabModel
import LabReport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Detail overlay's start-up lines: the lab's latest start-up (`StartupTimeline`), layer by
/// layer, each service from created to started to healthy, the slowest named and this one marked.
extension DetailContent {
    static func timelineLines(_ state: AppState, service name: String) -> [Line] {
        let timeline = StartupTimeline(state.snapshot)
        guard let began = timeline.began else { return [] }
        var slowest = ""
        if let entry = timeline.slowest { slowest = "; slowest: \(entry.service) (\(offset(entry.seconds)) to \(entry.healthy == nil ? "started" : "healthy"))" }
        var lines: [Line] = [[
            (text: "Start-up", style: Style(.title)),
            (text: "  the latest, began \(Format.clock(began, timeZone: state.timeZone))\(slowest)", style: Style(.muted)),
        ]]
        let nameWidth = min(16, timeline.layers.flatMap(\.entries).map(\.service.count).max() ?? 0)
        for group in timeline.layers {
            lines.append([(text: "  \(group.layer?.title ?? "No layer")", style: Style(.muted))])
            for entry in group.entries {
                let origin = entry.created ?? entry.started
                let healthy = entry.healthy.map { "healthy \(offset($0.timeIntervalSince(origin)))" } ?? "not healthy yet"
                let padded = entry.service.padded(toLength: max(nameWidth, entry.service.count))
                let mark = entry.service == name ? Style(.accent, .bold) : Style(.text)
                lines.append([
                    (text: "    \(padded)", style: mark),
                    (text: "  created \(Format.clock(origin, timeZone: state.timeZone))  started \(offset(entry.started.timeIntervalSince(origin)))  ", style: Style(.muted)),
                    (text: healthy, style: Style(entry.healthy == nil ? .warning : .healthy)),
                ])
            }
        }
        return lines
    }

    /// `+0.4s`, `+12.0s`, `+3m`: tenths of a second below a minute, by hand (no formatter).
    static func offset(_ seconds: TimeInterval) -> String {
        let value = seconds.isFinite ? max(0, seconds) : 0
        guard value < 60 else { return "+" + Elapsed.short(value) }
        let tenths = Int((value * 10).rounded())
        return "+\(tenths / 10).\(tenths % 10)s"
    }
}
