import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabExposure
import LabControl

/// `ailab status --json`: a stable, documented schema (README "JSON schema"). Keys never
/// disappear: an unknown value is `null`, an empty list is `[]`.
public struct StatusReport: JSONReport, Sendable {
    public static let schemaVersion = 1

    let schemaVersion = StatusReport.schemaVersion
    let generatedAt: String
    let catalog: CatalogRef
    let engine: Engine
    /// Every watched engine (issue 16), the default first; one item with one engine.
    let engines: [Engine]
    let summary: Summary
    let services: [Service]
    let other: [Container]
    /// null when the engine is in no Swarm.
    @Nullable var swarm: Swarm?
    /// The latest start-up, service by service (`StartupTimeline`); null when nothing runs.
    @Nullable var timeline: TimelineReport?
    /// Each GPU and each GPU service's use; absent (not null) on a host without NVML.
    let gpu: GPUReport?

    /// `exposures`: each port's, from `ExposureJudge` (with the auth findings when they were checked).
    public init(_ snapshot: LabSnapshot, exposures: [PortExposure]? = nil, gpu reading: GPUReading? = nil) {
        let exposures = exposures ?? ExposureJudge.judge(snapshot)
        generatedAt = Self.iso(snapshot.takenAt)!
        catalog = CatalogRef(name: snapshot.catalog.name, source: snapshot.catalog.source)
        let info = snapshot.engine
        engine = Engine(info)
        engines = (snapshot.engines.isEmpty ? [info] : snapshot.engines).map(Engine.init)
        let counts = snapshot.counts
        summary = Summary(
            services: snapshot.services.count, installed: snapshot.services.filter(\.isInstalled).count,
            running: counts[.healthy] + counts[.running] + counts[.starting] + counts[.unhealthy], healthy: counts[.healthy],
            unhealthy: counts[.unhealthy], failed: counts[.crashed] + counts[.restarting], notInstalled: counts[.notInstalled],
            other: snapshot.others.count,
            conditions: Dictionary(uniqueKeysWithValues: Condition.allCases.map { ($0.rawValue, counts[$0]) }))
        services = snapshot.services.map { Service($0, at: snapshot.takenAt, engineReachable: snapshot.isReachable(engine: $0.engine), exposures: exposures, swarmState: snapshot.swarm) }
        other = snapshot.others.map { Container($0, engineReachable: snapshot.isReachable(engine: $0.engine), exposures: exposures) }
        swarm = snapshot.swarm.map(Swarm.init)
        timeline = info.reachable ? TimelineReport(StartupTimeline(snapshot)) : nil
        gpu = reading.map { GPUReport($0, snapshot: snapshot) }
    }

    static func iso(_ date: Date?) -> String? {
        date.map(DateText.iso8601)  // UTC to the second, as ISO8601DateFormatter wrote it
    }

    struct CatalogRef: Encodable { let name: String; let source: String }

    struct Engine: Encodable, Sendable {
        let name: String
        let endpoint: String
        let reachable: Bool
        @Nullable var version: String?
        @Nullable var apiVersion: String?
        @Nullable var error: String?

        init(_ info: EngineInfo) {
            name = info.name ?? "default"
            endpoint = info.endpoint
            reachable = info.reachable
            version = info.version
            apiVersion = info.apiVersion
            error = info.error
        }
    }

    struct Summary: Encodable {
        let services, installed, running, healthy, unhealthy, failed, notInstalled, other: Int
        /// Services per condition word, every word present.
        let conditions: [String: Int]
    }

    struct Port: Encodable {
        let host: Int
        let container: Int
        let `protocol`: String
        let hostIp: String
        /// Who can reach it (`ExposureJudge`); null for a service that is not installed.
        @Nullable var exposure: ExposureReport.Exposure?

        init(_ port: PublishedPort, among exposures: [PortExposure]) {
            host = port.host
            container = port.container
            self.protocol = port.proto
            hostIp = port.hostIP
            let match = exposures.first { $0.hostPort == port.host && $0.containerPort == port.container && $0.proto == port.proto }
            exposure = match.map(ExposureReport.Exposure.init)
        }
    }

    struct Service: Encodable {
        let name, title, layer: String
        /// The engine it runs on (or is placed on); "default" with one engine.
        let engine: String
        @Nullable var phase: Int?
        let state: ServiceState
        let health: HealthState
        let condition: Condition
        @Nullable var conditionSince: String?
        @Nullable var conditionDetail: String?
        @Nullable var probe: ProbeReport?
        let installed: Bool
        @Nullable var startedAt: String?
        @Nullable var uptimeSeconds: Int?
        let dependencies: [String]
        let ports: [Port]
        let containers: [Container]
        let missingComponents: [String]
        /// A container's config-hash differs from the catalog's: `ailab install` offers to recreate it.
        let drifted: Bool
        /// Another compose project's container shown for this service ("" for one of no project); ailab will not act on it.
        @Nullable var standInProject: String?
        @Nullable var lastCheck: Check?
        /// Its Swarm services (empty when it is not deployed to Swarm).
        let swarm: [SwarmServiceReport]

        init(_ status: ServiceStatus, at now: Date, engineReachable: Bool, exposures: [PortExposure], swarmState: SwarmState? = nil) {
            name = status.service.name
            title = status.service.title
            engine = status.engine ?? "default"
            layer = status.service.layer?.rawValue ?? Layer.unassignedID
            phase = status.service.phase
            state = status.state
            health = status.health
            condition = status.condition.condition
            conditionSince = StatusReport.iso(status.condition.since)
            conditionDetail = status.condition.detail
            probe = status.probe.map(ProbeReport.init)
            installed = status.isInstalled
            startedAt = StatusReport.iso(status.startedAt)
            uptimeSeconds = status.startedAt.map { max(0, Int(now.timeIntervalSince($0))) }
            dependencies = status.service.dependencies
            let own = status.isInstalled ? exposures.filter { $0.service == status.service.name } : []
            ports = status.ports.map { Port($0, among: own) }
            containers = status.containers.map { Container($0, engineReachable: engineReachable, exposures: own) }
            missingComponents = status.missingComponents
            drifted = status.isDrifted
            standInProject = status.standInProject
            lastCheck = status.failingCheck.map { Check(container: $0.container, exitCode: $0.run.exitCode, output: $0.run.output) }
            swarm = status.swarm.map { SwarmServiceReport($0, in: swarmState) }
        }
    }

    struct Check: Encodable { let container: String; let exitCode: Int; let output: String }

    struct ProbeReport: Encodable {
        /// `passed`, `failed` or `not-probed`.
        let outcome: String
        @Nullable var detail: String?
        @Nullable var latencyMs: Int?
        let checkedAt: String
        let since: String
        @Nullable var lastFailure: String?

        init(_ result: ProbeResult) {
            switch result.outcome {
            case .passed: (outcome, detail) = ("passed", nil)
            case .failed(let why): (outcome, detail) = ("failed", why)
            case .notProbed(let why): (outcome, detail) = ("not-probed", why)
            }
            latencyMs = result.latency.map { Int($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) }
            checkedAt = StatusReport.iso(result.checkedAt)!
            since = StatusReport.iso(result.since)!
            lastFailure = result.lastFailure
        }
    }

    struct Container: Encodable {
        let id, name, image, status: String
        let engine: String
        @Nullable var component: String?
        let state: ServiceState
        let health: HealthState
        let condition: Condition
        @Nullable var conditionSince: String?
        @Nullable var conditionDetail: String?
        @Nullable var startedAt: String?
        @Nullable var exitCode: Int?
        let ports: [Port]

        init(_ container: ContainerStatus, engineReachable: Bool, exposures: [PortExposure]) {
            id = container.id
            name = container.name
            image = container.image
            engine = container.engine ?? "default"
            status = container.statusText
            component = container.component
            state = container.state
            health = container.health
            let report = engineReachable ? container.condition : ConditionReport(.unknown)
            condition = report.condition
            conditionSince = StatusReport.iso(report.since)
            conditionDetail = report.detail
            startedAt = StatusReport.iso(container.startedAt)
            exitCode = container.exitCode
            ports = container.ports.map { Port($0, among: exposures.filter { $0.container == container.name }) }
        }
    }
}
