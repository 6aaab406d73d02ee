import LabModel

/// With several engines, `status` names each one and shows on which one each service runs.
extension StatusTable {
    /// One line per engine: name, address, version or why it does not answer.
    static func engineLines(_ snapshot: LabSnapshot) -> [String] {
        guard snapshot.engines.count > 1 else { return [] }
        return snapshot.engines.map { engine in
            let about = engine.reachable ? "(\(engine.version ?? "?"), API \(engine.apiVersion ?? "?"))" : "UNREACHABLE: \(engine.error ?? "connecting")"
            return "  engine \(engine.name ?? "?") \(engine.endpoint) \(about)"
        }
    }

    /// The table with an ENGINE column after SERVICE, in the rows' order (services by layer, then others).
    static func withEngineColumn(_ snapshot: LabSnapshot, _ rows: [[String]]) -> [[String]] {
        guard snapshot.engines.count > 1 else { return rows }
        let names = ["ENGINE"] + snapshot.byLayer.flatMap(\.services).map { $0.engine ?? "" } + snapshot.others.map { $0.engine ?? "" }
        guard names.count == rows.count else { return rows }
        return zip(rows, names).map { row, name in Array(row.prefix(2)) + [name] + Array(row.dropFirst(2)) }
    }
}
