import Canvas
import Console
import LabModel

/// Which engine a service runs on, shown only when several engines are watched (issue 16):
/// `web@gpu` in every list of services, and the header's counts per engine.
enum EngineLabel {
    /// `@name` after a service's name, or nothing with one engine.
    static func suffix(_ status: ServiceStatus, in snapshot: LabSnapshot) -> String { EngineSuffix.of(status, in: snapshot) }

    /// `gpu ●3 ·2  box (down) ?4`: each engine's services by condition glyph, nil with one engine.
    static func header(_ snapshot: LabSnapshot, glyphs: Glyphs) -> String? {
        guard snapshot.engines.count > 1 else { return nil }
        return snapshot.engines.map { engine in
            let name = engine.name ?? engine.endpoint
            let counts = ChromeView.countsText(snapshot.services.filter { $0.engine == name }, glyphs: glyphs)
            let down = engine.reachable ? "" : engine.error == nil ? " (connecting)" : " (down)"
            return "\(name)\(down) \(counts)"
        }.joined(separator: "  ")
    }
}
