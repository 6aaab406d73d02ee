/// The exit codes of `ailab status`, a contract for scripts.
public enum StatusExit: Int32, Sendable {
    /// No service is unhealthy, crashed or restarting (stopped and completed ones are fine).
    case ok = 0
    /// A service is unhealthy, crashed or restarting.
    case degraded = 1
    /// The engine cannot be reached.
    case unreachable = 2

    public init(_ snapshot: LabSnapshot) {
        guard snapshot.engine.reachable else {
            self = .unreachable
            return
        }
        let troubled = snapshot.services.contains { $0.condition.condition.isTrouble }
        self = troubled ? .degraded : .ok
    }
}
