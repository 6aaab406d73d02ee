import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabModel
import LabRoadmap

/// The plain text of `ailab roadmap` and `ailab check`.
enum RoadmapText {
    static func render(_ status: RoadmapStatus, engine: EngineInfo) -> String {
        var lines: [String] = []
        if let next = status.next { lines += ["Next: \(next.text) (\(next.service))", ""] }
        for phase in status.phases {
            let weeks = phase.phase.weeks.isEmpty ? "" : " · weeks \(phase.phase.weeks)"
            lines.append("Phase \(phase.phase.number) · \(phase.phase.title)\(weeks) · \(phase.done)/\(phase.total) healthy")
            if !phase.phase.goal.isEmpty { lines.append("  \(phase.phase.goal)") }
            for item in phase.items {
                let needs = item.dependencies.isEmpty ? "" : "  needs \(item.dependencies.joined(separator: ", "))"
                let since = item.firstHealthy.map { "  first healthy \(day($0))" } ?? ""
                lines.append("  \(item.service.padded(toLength: 13)) \(item.state.rawValue.padded(toLength: 13)) effort \(item.effort)\(needs)\(since)")
            }
            lines.append("")
        }
        lines.append(metrics(status.metrics))
        if !engine.reachable { lines.append("\nengine unreachable: item states are unknown") }
        return lines.joined(separator: "\n")
    }

    static func metrics(_ metrics: [RoadmapStatus.MetricStatus]) -> String {
        var lines: [String] = []
        var group = ""
        for metric in metrics {
            if metric.groupTitle != group {
                group = metric.groupTitle
                lines.append("Success metrics · \(group)")
            }
            lines.append("  [\(metric.met ? "x" : " ")] \(metric.text)  (\(metric.id), \(metric.kind.rawValue))")
            lines.append("      \(metric.detail)")
        }
        let met = metrics.filter(\.met).count
        lines.append("\(met)/\(metrics.count) met")
        return lines.joined(separator: "\n")
    }

    /// The local calendar day, as DateFormatter's "yyyy-MM-dd" wrote it before (issue 17).
    static func day(_ date: Date) -> String { DateText.local(date, "%Y-%m-%d") }
}
