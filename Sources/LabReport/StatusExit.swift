import LabModel
/// The exit codes of `ailab status`, a contract for scripts.
public enum StatusExit: Int32, Sendable {
    /// No service is unhealthy, crashed or restarting (stopped and completed ones are fine).
    case ok = 0
    /// A service is unhealthy, crashed or restarting, or a container's answer could not be read.
    case degraded = 1
    /// The engine (or one of several watched engines) cannot be reached.
    case unreachable = 2

    public init(_ snapshot: LabSnapshot) {
        guard snapshot.everyEngineReachable else {
            self = .unreachable
            return
        }
        // An unreadable container cannot be vouched for: not all well, though the engine answers.
        let troubled = snapshot.services.contains { $0.condition.condition.isTrouble } || snapshot.allContainers.contains { $0.problem != nil }
        self = troubled ? .degraded : .ok
    }
}
