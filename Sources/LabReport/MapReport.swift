#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// `ailab map --json` (README, "The map"): every edge of the integration map with its state.
/// Keys never disappear: an unknown value is `null`, an empty list is `[]`. Evidence is named
/// (`env QDRANT_URI`), never valued, so no secret can reach the output.
public struct MapReport: JSONReport, Sendable {
    public static let schemaVersion = 1

    let schemaVersion = MapReport.schemaVersion
    let generatedAt: String
    let engine: StatusReport.Engine
    let summary: [String: Int]
    let edges: [Edge]

    public init(_ snapshot: LabSnapshot, edges statuses: [EdgeStatus]) {
        generatedAt = StatusReport.iso(snapshot.takenAt)!
        let info = snapshot.engine
        engine = StatusReport.Engine(info)
        summary = Dictionary(uniqueKeysWithValues: EdgeState.allCases.map { state in (state.rawValue, statuses.filter { $0.state == state }.count) })
        edges = statuses.map { Edge($0, catalog: snapshot.catalog) }
    }

    struct Edge: Encodable {
        let from: String
        let to: String
        @Nullable var fromLayer: String?
        @Nullable var toLayer: String?
        let holder: String
        let components: [String]
        let wire: Bool
        let state: String
        @Nullable var reason: String?
        let evidence: [String]
        let missing: [String]

        init(_ status: EdgeStatus, catalog: Catalog) {
            let edge = status.edge
            from = edge.from
            to = edge.to
            fromLayer = catalog.service(named: edge.from)?.layer?.rawValue
            toLayer = catalog.service(named: edge.to)?.layer?.rawValue
            holder = edge.holder
            components = edge.components
            wire = edge.isWire
            state = status.state.rawValue
            reason = status.reason
            evidence = edge.evidence.map { $0.label(holder: edge.holder) }
            missing = status.missing
        }
    }
}
