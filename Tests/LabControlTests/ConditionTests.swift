import Basics
import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabLive
@testable import LabReport
import Testing

/// Every rule of `ConditionJudge`, one row each: the facts a container has, and what it is.
@Suite struct ConditionTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    /// The facts of one container, with inspect's details where a row needs them.
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var state = "running"
        var status = "Up 1 hour"
        var exitCode: Int?
        var oom = false
        var requested = false
        var policy: String?
        var restarts = 0
        var expected: String
        var testDescription: String { name }

        func container() -> ContainerStatus {
            var c = Fixtures.container("x", service: "web", state: state, status: status)
            if let exitCode { c.exitCode = exitCode }
            c.oomKilled = oom
            c.stopRequested = requested
            c.restartPolicy = policy
            c.restartCount = restarts
            c.startedAt = ConditionTests.t0
            c.createdAt = ConditionTests.t0.addingTimeInterval(-60)
            if state != "running" { c.finishedAt = ConditionTests.t0.addingTimeInterval(120) }
            return c
        }
    }

    static let rows: [Row] = [
        Row(name: "running with a passing healthcheck", status: "Up 1 hour (healthy)", expected: "healthy"),
        Row(name: "running with no check", expected: "running"),
        Row(name: "healthcheck not passed yet", status: "Up 3 seconds (health: starting)", expected: "starting"),
        Row(name: "healthcheck failing", status: "Up 1 hour (unhealthy)", expected: "unhealthy"),
        Row(name: "docker stop: kill event, exit 137", state: "exited", status: "Exited (137) 1 minute ago", requested: true, expected: "stopped (exit 137)"),
        Row(name: "docker stop of a graceful app: exit 0", state: "exited", status: "Exited (0) 1 minute ago", requested: true, expected: "stopped"),
        Row(name: "exit 143 with no event seen", state: "exited", status: "Exited (143) 1 minute ago", expected: "stopped (exit 143: stopped or killed)"),
        Row(name: "restart policy always, not restarting: stopped on purpose", state: "exited", status: "Exited (1) 1 minute ago", policy: "always", expected: "stopped (exit 1)"),
        Row(name: "one-shot job finished", state: "exited", status: "Exited (0) 1 minute ago", policy: "no", expected: "completed"),
        Row(name: "exited 3 by itself", state: "exited", status: "Exited (3) 1 minute ago", expected: "crashed (exit 3)"),
        Row(name: "on-failure gave up", state: "exited", status: "Exited (2) 1 minute ago", policy: "on-failure", expected: "crashed (exit 2)"),
        Row(name: "OOM-killed", state: "exited", status: "Exited (137) 1 minute ago", oom: true, expected: "crashed (OOM-killed, exit 137)"),
        Row(name: "OOM-killed even when a stop was asked", state: "exited", status: "Exited (137) 1 minute ago", oom: true, requested: true, expected: "crashed (OOM-killed, exit 137)"),
        Row(name: "dead", state: "dead", status: "Dead", exitCode: 1, expected: "crashed (dead, exit 1)"),
        Row(name: "crash loop", state: "restarting", status: "Restarting (1) 2 seconds ago", restarts: 4, expected: "restarting (4 restarts in 3m, last exit 1)"),
        Row(name: "paused", state: "paused", status: "Up 1 hour (Paused)", expected: "paused"),
        Row(name: "created, never started", state: "created", status: "Created", expected: "stopped (created, not started)"),
        Row(name: "an engine word we do not know", state: "wandering", status: "?", expected: "unknown"),
    ]

    @Test(arguments: rows)
    func aContainersCondition(row: Row) {
        #expect(row.container().condition.text == row.expected)
    }

    @Test(arguments: rows)
    func theExitCodeFollowsTheCondition(row: Row) throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [row.container()])
        let condition = try #require(snapshot.status(of: "web")?.condition.condition)
        let trouble: Set<Condition> = [.unhealthy, .crashed, .restarting]
        #expect(StatusExit(snapshot) == (trouble.contains(condition) ? .degraded : .ok))
    }

    @Test func theListAloneKnowsTheExitCode() {
        #expect(ContainerStatus.exitCode(fromStatus: "Exited (137) 5 minutes ago") == 137)
        #expect(ContainerStatus.exitCode(fromStatus: "Exited (0) About an hour ago") == 0)
        #expect(ContainerStatus.exitCode(fromStatus: "Up 5 minutes") == nil)
    }

    @Test func sinceComesFromTheEnginesTimes() {
        let running = Row(name: "r", expected: "").container()
        #expect(running.condition.since == Self.t0)
        let exited = Row(name: "e", state: "exited", status: "Exited (3) 1 minute ago", expected: "").container()
        #expect(exited.condition.since == Self.t0.addingTimeInterval(120))
        // Healthy since the first run of the trailing streak of passing checks in the health log.
        func log(_ exit: Int, _ seconds: Int) -> ContainerInspect.HealthLog {
            try! JSONDecoder().decode(ContainerInspect.HealthLog.self, from: Data("""
                {"Start": "2026-11-24T20:00:00Z", "End": "2026-11-24T20:0\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)Z", "ExitCode": \(exit), "Output": ""}
                """.utf8))
        }
        let since = ContainerStatus.healthSince(.healthy, log: [log(1, 10), log(1, 40), log(0, 70), log(0, 100)])
        #expect(since == EngineTime.parse("2026-11-24T20:01:10Z"))
        #expect(ContainerStatus.healthSince(.unhealthy, log: [log(0, 10), log(1, 40), log(1, 70)]) == EngineTime.parse("2026-11-24T20:00:40Z"))
    }

    // MARK: services

    func service(_ containers: [ContainerStatus], probe: ProbeResult? = nil, reachable: Bool = true) throws -> ConditionReport {
        let engine = reachable ? Fixtures.reachable : EngineInfo(endpoint: "unix:///x", reachable: false, error: "gone")
        let probes = probe.map { ["web": $0, "big": $0] } ?? [:]
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: engine, containers: containers, probes: probes)
        let name = containers.first?.component == "web" ? "web" : "big"
        return try #require(snapshot.status(of: name)).condition
    }

    func component(_ name: String, state: String = "running", status: String = "Up 1 hour", policy: String? = nil) -> ContainerStatus {
        var c = Fixtures.container(name, service: name, state: state, status: status)
        c.restartPolicy = policy
        return c
    }

    @Test func aProbeIsTheHealthOfAServiceWithoutHealthcheck() throws {
        let web = component("web")
        #expect(try service([web]).condition == .running)  // not probed yet: nothing says more
        let failed = ProbeResult(outcome: .failed("GET /health → 404"), at: Self.t0)
        #expect(try service([web], probe: failed).text == "unhealthy (probe: GET /health → 404)")
        #expect(try service([web], probe: ProbeResult(outcome: .passed, at: Self.t0)).condition == .healthy)
        let remote = ProbeResult(outcome: .notProbed("not probed (remote engine)"), at: Self.t0)
        #expect(try service([web], probe: remote).text == "running (not probed (remote engine))")
        // With a Docker healthcheck too, the healthcheck speaks and the probe is shown beside it.
        let checked = component("web", status: "Up 1 hour (healthy)")
        #expect(try service([checked], probe: failed).condition == .healthy)
    }

    /// Seen in the benchmark: a service restarted after a failed probe read unhealthy until its
    /// next probe, up to 30 s. A result older than the container's start is about the run before.
    @Test func aProbeFromBeforeTheContainerStartedSaysNothing() throws {
        var web = component("web")
        web.startedAt = Self.t0
        let failedBefore = ProbeResult(outcome: .failed("GET /health → 502"), at: Self.t0.addingTimeInterval(-5))
        let report = try service([web], probe: failedBefore)
        #expect(report.condition == .running)
        #expect(report.text == "running (probe pending (started since the last check))")
        let failedAfter = ProbeResult(outcome: .failed("GET /health → 502"), at: Self.t0.addingTimeInterval(5))
        #expect(try service([web], probe: failedAfter).condition == .unhealthy)
    }

    @Test func aMultiContainerServiceSpeaksWithItsMostTroubledComponent() throws {
        let healthy = component("big", status: "Up 1 hour (healthy)")
        let unchecked = component("big-cache")
        let initDone = component("big-db", state: "exited", status: "Exited (0) 1 hour ago", policy: "no")
        let crashed = component("big-db", state: "exited", status: "Exited (1) 1 minute ago")
        #expect(try service([healthy, unchecked]).condition == .healthy)  // a checked component says more than an unchecked one
        #expect(try service([healthy, initDone]).condition == .healthy)  // a finished one-shot job is not trouble
        #expect(try service([component("big", state: "exited", status: "Exited (0) 1 hour ago", policy: "no")]).condition == .completed)
        #expect(try service([healthy, crashed]).text == "crashed (exit 1)")
        #expect(try service([healthy, component("big-cache", status: "Up 1 hour (unhealthy)")]).condition == .unhealthy)
        #expect(try service([healthy], reachable: false).condition == .unknown)
    }

    @Test func aProbeChangeKeepsItsFirstTimeAndItsLastFailure() {
        let first = ProbeResult(outcome: .failed("GET / → 500"), at: Self.t0)
        let again = ProbeResult(outcome: .failed("GET / → 503"), at: Self.t0.addingTimeInterval(30), previous: first)
        #expect(again.since == Self.t0)
        let passed = ProbeResult(outcome: .passed, at: Self.t0.addingTimeInterval(60), previous: again)
        #expect(passed.since == Self.t0.addingTimeInterval(60))
        #expect(passed.lastFailure == "GET / → 503")
        #expect(!ProbeResult(outcome: .passed, at: Self.t0.addingTimeInterval(90), latency: .milliseconds(9), previous: passed).differs(from: passed))
    }

    @Test func aStopIsToldFromACrashByTheEnginesHistory() {
        var container = Row(name: "s", state: "exited", status: "Exited (1) 1 minute ago", expected: "").container()
        let kill = EngineEvent(type: "container", action: "kill", actorID: container.id, time: Int64(Self.t0.timeIntervalSince1970) + 100)
        let earlier = EngineEvent(type: "container", action: "kill", actorID: container.id, time: Int64(Self.t0.timeIntervalSince1970) - 500)
        #expect(SnapshotLoader.stopWasAsked(for: container, in: [kill]))
        #expect(!SnapshotLoader.stopWasAsked(for: container, in: [earlier]))  // a kill of an earlier run
        container.stopRequested = true
        #expect(container.condition.condition == .stopped)
    }
}
