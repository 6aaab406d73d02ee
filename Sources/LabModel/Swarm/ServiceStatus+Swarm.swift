#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ServiceStatus {
    /// True when the service runs as Swarm services of the lab's stack: actions scale or remove them.
    public var isSwarm: Bool { !swarm.isEmpty }

    /// A service deployed to Swarm: its components' conditions rolled up by the one rule (the
    /// most troubled speaks), its state `running` while any replica runs.
    static func rollUp(_ swarm: [SwarmServiceStatus]) -> (ServiceState, HealthState, ConditionReport) {
        let worst = swarm.map(\.condition).max { $0.condition.trouble < $1.condition.trouble }!
        let state: ServiceState = swarm.contains { $0.running > 0 } ? .running : .exited
        let health: HealthState
        switch worst.condition {
        case .healthy: health = .healthy
        case .unhealthy: health = .unhealthy
        case .starting: health = .starting
        default: health = .none
        }
        return (state, state == .running ? health : .none, worst)
    }
}
