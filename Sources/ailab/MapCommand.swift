import ArgumentParser
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabLive
import LabReport

struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Print the lab's integration map: every edge (who uses whom) with its live state.",
        discussion: """
            The map is the roadmap's: public access → Traefik → applications → AI gateway → data, \
            with observability beside. An edge is found in the catalog where a component names \
            another service (an environment variable, an x-ailab.wires entry, a config file, an \
            argument, a depends_on) or where an application declares a Traefik route. Its state:
              reachable       its configuration is in the running container, the far end is up
              wired           configured; the far end is starting or paused
              broken          a setting or container is missing, or the far end failed (WHY says)
              not-applicable  one end is not installed
              unknown         the engine does not answer, or a container is not inspected yet

            Exit status: 0 the map was printed (whatever the edges' states), 2 the engine is \
            unreachable, 3 the catalog file is invalid.

            --json: {schemaVersion, generatedAt, engine, summary {STATE: count}, edges[] {from, to, \
            fromLayer, toLayer, holder, components[], wire, state, reason, evidence[], missing[]}}. \
            Evidence is named (env QDRANT_URI, config /app/config.yaml), never its value.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        // Every watched engine (`--engine`, repeatable), as `status` reads them; a bad catalog
        // exits 3 before any engine is asked.
        let snapshot = try await options.loadSnapshot().snapshot
        let edges = EdgeJudge.judge(snapshot)
        let masker = options.masker()
        let text = json ? TerminalText.json(masker.apply(MapReport(snapshot, edges: edges).json())) : TerminalText.safe(masker.apply(Self.table(snapshot, edges)))
        StandardStream.output.write(text + "\n")
        if !snapshot.everyEngineReachable {
            Stderr.line("ailab: \(snapshot.engine.error ?? "engine unreachable")")
            throw ExitCode(2)
        }
    }

    static func table(_ snapshot: LabSnapshot, _ edges: [EdgeStatus]) -> String {
        var rows = [["LAYER", "FROM", "TO", "STATE", "VIA", "WHY"]]
        var lastLayer: String?
        for status in edges {
            let layer = snapshot.catalog.service(named: status.edge.from)?.layer?.title ?? "Unassigned"
            let via = status.edge.evidence.map { $0.label(holder: status.edge.holder) }
            rows.append([
                layer == lastLayer ? "" : layer, status.edge.from, status.edge.to, status.state.rawValue,
                via.count > 2 ? via.prefix(2).joined(separator: ", ") + " +\(via.count - 2)" : via.joined(separator: ", "), status.reason ?? "",
            ])
            lastLayer = layer
        }
        let counts = EdgeState.allCases.compactMap { state -> String? in
            let n = edges.filter { $0.state == state }.count
            return n == 0 ? nil : "\(n) \(state.rawValue)"
        }
        return ([StatusTable.header(snapshot), ""] + StatusTable.table(rows) + ["", "\(edges.count) edges: " + counts.joined(separator: ", ")]).joined(separator: "\n")
    }
}
