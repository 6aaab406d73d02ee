import LabModel

/// Which engine a service runs on, as `@name` after its name, only when several engines are
/// watched (issue 16): one rule for every screen (Layers chips, lists, Ports, Map, Events), so
/// a one-engine console shows none of it.
public enum EngineSuffix {
    /// `@gpu` for a service on engine gpu among several; "" with one engine.
    public static func of(_ status: ServiceStatus?, in snapshot: LabSnapshot) -> String {
        of(engine: status?.engine, in: snapshot)
    }

    /// The same for an engine named directly (a container's, an event's).
    public static func of(engine: String?, in snapshot: LabSnapshot) -> String {
        guard snapshot.engines.count > 1, let engine else { return "" }
        return "@\(engine)"
    }
}
