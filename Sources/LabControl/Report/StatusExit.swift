/// The exit codes of `ailab status`, a contract for scripts.
public enum StatusExit: Int32, Sendable {
    /// Every installed service is running and none is unhealthy.
    case ok = 0
    /// An installed service is unhealthy, exited, dead, or otherwise not running.
    case degraded = 1
    /// The engine cannot be reached.
    case unreachable = 2

    public init(_ snapshot: LabSnapshot) {
        guard snapshot.engine.reachable else {
            self = .unreachable
            return
        }
        let troubled = snapshot.services.contains { status in
            status.isInstalled && (status.state != .running || status.health == .unhealthy)
        }
        self = troubled ? .degraded : .ok
    }
}
