import Basics
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The rule for a Swarm service, in the same words as a container's (one condition model).
///
/// Swarm reports a task `running` only once its container's healthcheck has passed (moby's
/// daemon/cluster/executor/container/controller.go: `Start` waits for `health_status: healthy`,
/// `Start`/`Wait` end the task with ErrContainerUnhealthy when it turns unhealthy), so a running task of a checked component is healthy; the
/// tasks' containers this engine can see refine that (one turned unhealthy since). A task's
/// `Err` is the service's reason. The detail always starts with the replicas, `replicas 1/1`.
extension ConditionJudge {
    public static func swarmService(
        desired: Int?, tasks: [SwarmTask], containers: [ContainerStatus], healthChecked: Bool, engineReachable: Bool, now: Date? = nil
    ) -> ConditionReport {
        guard engineReachable else { return ConditionReport(.unknown) }
        let current = tasks.filter(\.isCurrent)
        let running = current.filter { $0.state == "running" }
        let wanted = desired ?? running.count
        let replicas = "replicas \(running.count)/\(wanted)"
        let latest = tasks.compactMap { $0.timestamp.flatMap(EngineTime.parse) }.max()
        if wanted == 0 {
            return ConditionReport(.stopped, since: latest, detail: running.isEmpty ? "\(replicas), scaled to 0" : "\(replicas), stopping")
        }
        let runningSince = running.compactMap { $0.timestamp.flatMap(EngineTime.parse) }.max()
        if running.count >= wanted {
            let seen = containers.map { container($0, now: now) }.filter { $0.condition != .completed }
            if let worst = seen.map(\.condition).max(by: { $0.trouble < $1.trouble }), worst.trouble > Condition.healthy.trouble {
                let why = seen.first { $0.condition == worst }?.detail
                return ConditionReport(worst, since: runningSince, detail: [replicas, why].compactMap { $0 }.joined(separator: ", "))
            }
            return ConditionReport(healthChecked ? .healthy : .running, since: runningSince, detail: replicas)
        }
        // Short of replicas: why, from the newest task that says.
        let failed = tasks.filter { ["failed", "rejected"].contains($0.state) }
        let pendingWhy = current.first { ["new", "pending", "assigned"].contains($0.state) && $0.error != nil }?.error
        let newestFailure = failed.max { ($0.timestamp ?? "") < ($1.timestamp ?? "") }
        if let pendingWhy {
            // No node may take it (constraints, a drained node): nothing will run until that changes.
            return ConditionReport(.unhealthy, since: latest, detail: "\(replicas), pending: \(pendingWhy)")
        }
        if let failure = newestFailure, running.count < wanted {
            let why = failure.error ?? failure.message
            return ConditionReport(.restarting, since: failure.timestamp.flatMap(EngineTime.parse), detail: "\(replicas), \(why)")
        }
        return ConditionReport(.starting, since: latest, detail: replicas)
    }
}
