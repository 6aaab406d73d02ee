import LabExposure

/// The plain-text table of `ailab exposure`: one row per service and port.
enum ExposureTable {
    static let headers = ["SERVICE", "PORT", "KIND", "REACH", "ROUTE", "TUNNEL", "AUTH", "VERDICT"]

    static func render(_ exposures: [PortExposure]) -> String {
        let rows = exposures.map { port in
            [port.service, port.portText + (port.proto == "tcp" ? "" : "/\(port.proto)"), port.kind.rawValue, port.reach.text,
             port.routeText, port.tunnelText, port.auth.text, port.verdict.rawValue]
        }
        let counts = ExposureVerdict.allCases.map { verdict in "\(exposures.filter { $0.verdict == verdict }.count) \(verdict.rawValue)" }
        return (StatusTable.table([headers] + rows) + ["", counts.joined(separator: " · ")]).joined(separator: "\n")
    }
}
