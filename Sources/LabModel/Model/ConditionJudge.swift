#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one place that decides a condition: a container's from its own facts, a service's from
/// its containers and its probe. Everything else reads the result.
///
/// A stop is told from a crash by what the engine says: a `kill` or `stop` event for the
/// container between its start and its exit (seen live, or read back from the engine's event
/// history), OOMKilled, the restart policy (the engine restarts `always`/`unless-stopped`
/// containers unless someone stopped them). Where none of that tells, an exit of 137 or 143
/// (SIGKILL, SIGTERM) reads `stopped` with "stopped or killed": a signal came from outside,
/// not from the program's own failure.
public enum ConditionJudge {
    /// One container.
    public static func container(_ c: ContainerStatus, now: Date? = nil) -> ConditionReport {
        // An answer that could not be read says nothing about the container: not as if it were fine.
        if let problem = c.problem { return ConditionReport(.unknown, detail: "unreadable: \(problem)") }
        switch c.state {
        case .notInstalled: return ConditionReport(.notInstalled)
        case .unknown: return ConditionReport(.unknown)
        case .running:
            switch c.health {
            case .healthy: return ConditionReport(.healthy, since: c.healthSince ?? c.startedAt)
            case .unhealthy:
                return ConditionReport(.unhealthy, since: c.healthSince ?? c.startedAt, detail: c.lastCheck.map { "check exit \($0.exitCode)" })
            case .starting: return ConditionReport(.starting, since: c.startedAt)
            case .none: return ConditionReport(.running, since: c.startedAt)
            case .unknown: return ConditionReport(.unknown)
            }
        case .restarting:
            var detail = c.restartCount == 1 ? "1 restart" : "\(c.restartCount) restarts"
            if let created = c.createdAt, let last = c.finishedAt ?? now, last > created {
                detail += " in \(Elapsed.short(last.timeIntervalSince(created)))"
            }
            if let exit = c.exitCode, exit != 0 { detail += ", last exit \(exit)" }
            return ConditionReport(.restarting, since: c.finishedAt, detail: detail)
        case .paused: return ConditionReport(.paused)
        case .created: return ConditionReport(.stopped, since: c.createdAt, detail: "created, not started")
        case .exited, .dead: return exited(c)
        }
    }

    private static func exited(_ c: ContainerStatus) -> ConditionReport {
        let exit = c.exitCode
        let exitText = exit.map { "exit \($0)" }
        if c.state == .dead { return ConditionReport(.crashed, since: c.finishedAt, detail: "dead" + (exitText.map { ", \($0)" } ?? "")) }
        if c.oomKilled { return ConditionReport(.crashed, since: c.finishedAt, detail: "OOM-killed" + (exitText.map { ", \($0)" } ?? "")) }
        if c.stopRequested { return ConditionReport(.stopped, since: c.finishedAt, detail: exit == 0 ? nil : exitText) }
        if let policy = c.restartPolicy, policy == "always" || policy == "unless-stopped" {
            // The engine would have restarted it had it not been stopped on purpose.
            return ConditionReport(.stopped, since: c.finishedAt, detail: exit == 0 ? nil : exitText)
        }
        switch exit {
        case 0: return ConditionReport(.completed, since: c.finishedAt)
        case 137, 143: return ConditionReport(.stopped, since: c.finishedAt, detail: "\(exitText!): stopped or killed")
        case nil: return ConditionReport(.stopped, since: c.finishedAt, detail: "exit code unknown")
        default: return ConditionReport(.crashed, since: c.finishedAt, detail: exitText)
        }
    }

    /// A service: its components rolled up by one rule (the most troubled component speaks;
    /// a finished one-shot job speaks only when every component is finished), the catalog's
    /// probe standing in for health where no component has a Docker healthcheck.
    public static func service(
        containers: [ContainerStatus], hasProbe: Bool, probe: ProbeResult?, engineReachable: Bool, now: Date? = nil
    ) -> ConditionReport {
        guard engineReachable else { return ConditionReport(.unknown) }
        guard !containers.isEmpty else { return ConditionReport(.notInstalled) }
        var reports = containers.map { container($0, now: now) }
        let dockerChecked = containers.contains { $0.state == .running && $0.health != .none }
        if hasProbe, !dockerChecked {
            for index in reports.indices where reports[index].condition == .running {
                reports[index] = probed(reports[index], probe)
            }
        }
        let active = reports.filter { $0.condition != .completed }
        let speaking = active.isEmpty ? reports : active
        let worst = speaking.map(\.condition).max { $0.trouble < $1.trouble }!
        let same = speaking.filter { $0.condition == worst }
        // Up together since the last component got there; in trouble since the first one did.
        let times = same.compactMap(\.since)
        let since = worst.isUp || worst == .completed ? times.max() : times.min()
        return ConditionReport(worst, since: since, detail: same.lazy.compactMap(\.detail).first)
    }

    /// A running container of a service whose probe is its health.
    static func probed(_ running: ConditionReport, _ probe: ProbeResult?) -> ConditionReport {
        guard let probe else { return running }
        // A result checked before this container started is about its previous run: a service
        // restarted after a failed probe is not unhealthy (nor healthy) until it is probed again.
        if let started = running.since, probe.checkedAt < started {
            return ConditionReport(.running, since: started, detail: "probe pending (started since the last check)")
        }
        switch probe.outcome {
        case .passed: return ConditionReport(.healthy, since: max(probe.since, running.since ?? probe.since))
        case .failed(let why): return ConditionReport(.unhealthy, since: probe.since, detail: "probe: \(why)")
        case .notProbed(let why): return ConditionReport(.running, since: running.since, detail: why)
        }
    }
}
