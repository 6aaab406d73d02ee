import Canvas
import Console
import LabCatalog
import LabModel

/// The roadmap's integration map: public access → Traefik → applications → AI gateway → data,
/// observability beside. One row per edge, grouped by the layer of the service that uses the
/// other, with its state (the frame's, from LabControl's EdgeJudge, as `ailab map` prints it)
/// and why, or what carries it when all is well.
enum MapView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard !area.isEmpty else { return }
        let arrow = state.glyphs.arrow
        let flow = ["Public access", "Traefik", "Applications", "AI gateway", "Data"].joined(separator: " \(arrow) ") + "   Observability beside"
        buffer.put(" " + flow, x: area.x, y: area.y, style: Style(.title, .bold), maxWidth: area.width, clip: area)
        let edges = state.frame.mapRows.filter { status in
            state.filter.isEmpty || [status.edge.from, status.edge.to, status.state.rawValue, status.reason ?? ""].contains { $0.lowercased().contains(state.filter.lowercased()) }
        }
        guard !edges.isEmpty else {
            buffer.put(" no edge: the catalog's services name no other service", x: area.x, y: area.y + 1, style: Style(.muted), clip: area)
            return
        }
        var lines: [(text: String, style: Style, edge: EdgeStatus?)] = []
        var lastLayer: String?
        for status in edges {
            let layer = state.snapshot.catalog.service(named: status.edge.from)?.layer?.title ?? "Unassigned"
            if layer != lastLayer { lines.append((layer, Style(.header, .bold), nil)) }
            lastLayer = layer
            lines.append(("", Style(.text), status))
        }
        let rows = max(0, area.height - 1)
        let start = min(state.mapScroll, max(0, lines.count - rows))
        let nameWidth = min(34, max(12, area.width / 3))
        for (offset, line) in lines.dropFirst(start).prefix(rows).enumerated() {
            let y = area.y + 1 + offset
            guard let status = line.edge else {
                buffer.put(" " + line.text, x: area.x, y: y, style: line.style, clip: area)
                continue
            }
            let (glyph, role) = look(status.state, state.glyphs)
            let snapshot = state.snapshot  // `@engine` at each end with several engines (issue 16)
            let names = "\(status.edge.from)\(EngineSuffix.of(snapshot.status(of: status.edge.from), in: snapshot)) \(arrow) "
                + "\(status.edge.to)\(EngineSuffix.of(snapshot.status(of: status.edge.to), in: snapshot))"
            let why = status.reason ?? status.edge.evidence.map { $0.label(holder: status.edge.holder) }.joined(separator: ", ")
            var x = area.x + 2
            buffer.put(glyph, x: x, y: y, style: Style(role), clip: area)
            x += 2
            buffer.put(DisplayWidth.truncate(names, to: nameWidth, ellipsis: state.glyphs.ellipsis), x: x, y: y, style: Style(.text), clip: area)
            x += nameWidth + 1
            buffer.put(status.state.rawValue, x: x, y: y, style: Style(role), maxWidth: 14, clip: area)
            x += 15
            let muted = status.state == .reachable || status.state == .notApplicable
            buffer.put(DisplayWidth.truncate(why, to: max(0, area.maxX - x), ellipsis: state.glyphs.ellipsis), x: x, y: y, style: Style(muted ? .muted : role), clip: area)
        }
    }

    /// A glyph and a role per state; the word beside it says it too (colour is never the only sign).
    static func look(_ state: EdgeState, _ glyphs: Glyphs) -> (String, Role) {
        switch state {
        case .reachable: return (glyphs.healthy, .healthy)
        case .wired: return (glyphs.starting, .starting)
        case .broken: return (glyphs.failed, .unhealthy)
        case .notApplicable: return (glyphs.notInstalled, .notInstalled)
        case .unknown: return (glyphs.unknown, .unknown)
        }
    }
}
