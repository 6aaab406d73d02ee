import Foundation
import LabCatalog
import LabControl

/// The plain-text table of `ailab status`: grouped by layer, one row per service.
enum StatusTable {
    static let headers = ["LAYER", "SERVICE", "STATE", "HEALTH", "PORTS", "UPTIME"]

    static func render(_ snapshot: LabSnapshot) -> String {
        var rows: [[String]] = []
        for (layer, services) in snapshot.byLayer where !services.isEmpty {
            for (index, status) in services.enumerated() {
                rows.append([
                    index == 0 ? (layer?.title ?? "Unassigned") : "",
                    status.service.name, status.state.rawValue, status.health == .none ? "-" : status.health.rawValue,
                    ports(status.ports), Elapsed.since(status.startedAt, now: snapshot.takenAt),
                ])
            }
        }
        for (index, container) in snapshot.others.enumerated() {
            rows.append([
                index == 0 ? "Other" : "", container.name, container.state.rawValue,
                container.health == .none ? "-" : container.health.rawValue, ports(container.ports),
                Elapsed.since(container.startedAt, now: snapshot.takenAt),
            ])
        }
        var lines = [header(snapshot), ""]
        lines += table([headers] + rows)
        // Which project a stand-in comes from: shown, since ailab will not act on it.
        let standIns = snapshot.services.compactMap { status in
            status.standInProject.map { "\(status.service.name): shown from \($0.isEmpty ? "a container of no project" : "project '\($0)'"), standing in" }
        }
        if !standIns.isEmpty { lines += [""] + standIns }
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
        var parts = ["\(counts.running) running"]
        if counts.starting > 0 { parts.append("\(counts.starting) starting") }
        if counts.unhealthy > 0 { parts.append("\(counts.unhealthy) unhealthy") }
        if counts.failed > 0 { parts.append("\(counts.failed) failed") }
        if counts.stopped > 0 { parts.append("\(counts.stopped) stopped") }
        parts.append("\(counts.notInstalled) not installed")
        if !snapshot.others.isEmpty { parts.append("\(snapshot.others.count) other containers") }
        return parts.joined(separator: " · ")
    }

    static func ports(_ ports: [PublishedPort]) -> String {
        ports.isEmpty ? "-" : ports.map { $0.proto == "tcp" ? "\($0.host)" : "\($0.host)/\($0.proto)" }.joined(separator: ",")
    }

    /// Left-aligned columns two spaces apart; the last column is not padded.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
