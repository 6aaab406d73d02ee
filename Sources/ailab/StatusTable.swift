import Console
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// The plain-text table of `ailab status`: grouped by layer, one row per service.
enum StatusTable {
    /// AGE: how long it has been in its condition, by the engine's own times.
    static let headers = ["LAYER", "SERVICE", "CONDITION", "AGE", "PORTS"]

    static func render(_ snapshot: LabSnapshot) -> String {
        var rows: [[String]] = []
        for (layer, services) in snapshot.byLayer where !services.isEmpty {
            for (index, status) in services.enumerated() {
                rows.append([
                    index == 0 ? (layer?.title ?? "Unassigned") : "", status.service.name, status.condition.text,
                    Elapsed.since(status.condition.since, now: snapshot.takenAt), ports(status.ports),
                ])
            }
        }
        for (index, container) in snapshot.others.enumerated() {
            let condition = snapshot.isReachable(engine: container.engine) ? container.condition : ConditionReport(.unknown)
            rows.append([
                index == 0 ? "Other" : "", container.name, condition.text, Elapsed.since(condition.since, now: snapshot.takenAt),
                ports(container.ports),
            ])
        }
        var lines = [header(snapshot)] + engineLines(snapshot) + [""]
        lines += table(withEngineColumn(snapshot, [headers] + rows))
        // A container the engine's answers did not let us read: its row says unknown, this says why.
        let unreadable = (snapshot.services.flatMap(\.containers) + snapshot.others).filter { $0.problem != nil }
        lines += unreadable.map { "\($0.name): unreadable: \($0.problem!)" }
        // Which project a stand-in comes from: shown, since ailab will not act on it.
        let standIns = snapshot.services.compactMap { status in
            status.standInProject.map { "\(status.service.name): shown from \($0.isEmpty ? "a container of no project" : "project '\($0)'"), standing in" }
        }
        if !standIns.isEmpty { lines += [""] + standIns }
        // The Swarm as the console's panel shows it: join state, nodes, the stack's tasks.
        let swarm = SwarmRows.lines(snapshot)
        if !swarm.isEmpty { lines += [""] + swarm.map(\.text) }
        lines += ["", footer(snapshot)]
        return lines.joined(separator: "\n")
    }

    static func header(_ snapshot: LabSnapshot) -> String {
        let engine = snapshot.engine
        let about = engine.reachable
            ? "engine \(engine.endpoint) (\(engine.version ?? "?"), API \(engine.apiVersion ?? "?"))"
            : "engine \(engine.endpoint) UNREACHABLE"
        let source = snapshot.catalog.source == "built-in" ? "built-in catalog" : snapshot.catalog.source
        return "\(snapshot.catalog.name) · \(snapshot.catalog.title) · \(source) · \(about)"
    }

    static func footer(_ snapshot: LabSnapshot) -> String {
        guard snapshot.engine.reachable else { return "health unknown: \(snapshot.engine.error ?? "engine unreachable")" }
        let counts = snapshot.counts
        var parts = Condition.allCases.filter { counts[$0] > 0 && $0 != .notInstalled }.map { "\(counts[$0]) \($0.rawValue)" }
        parts.append("\(counts[.notInstalled]) not installed")
        if !snapshot.others.isEmpty { parts.append("\(snapshot.others.count) other containers") }
        return parts.joined(separator: " · ")
    }

    static func ports(_ ports: [PublishedPort]) -> String {
        ports.isEmpty ? "-" : ports.map { $0.proto == "tcp" ? "\($0.host)" : "\($0.host)/\($0.proto)" }.joined(separator: ",")
    }

    /// Left-aligned columns two spaces apart; the last column is not padded.
    static func table(_ rows: [[String]]) -> [String] {
        // Escaped before the widths are measured: a name may hold a newline or an ESC.
        let rows = rows.map { $0.map { TerminalText.safe($0, keepingLines: false) } }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padded(toLength: widths[column])
            }.joined(separator: "  ")
        }
    }
}
