import Foundation
import LabCatalog

/// `ailab status --json`: a stable, documented schema (README "JSON schema"). Keys never
/// disappear: an unknown value is `null`, an empty list is `[]`.
public struct StatusReport: Encodable, Sendable {
    public static let schemaVersion = 1

    let schemaVersion = StatusReport.schemaVersion
    let generatedAt: String
    let catalog: CatalogRef
    let engine: Engine
    let summary: Summary
    let services: [Service]
    let other: [Container]

    public init(_ snapshot: LabSnapshot) {
        generatedAt = Self.iso(snapshot.takenAt)!
        catalog = CatalogRef(name: snapshot.catalog.name, source: snapshot.catalog.source)
        let info = snapshot.engine
        engine = Engine(endpoint: info.endpoint, reachable: info.reachable, version: info.version, apiVersion: info.apiVersion, error: info.error)
        let counts = snapshot.counts
        summary = Summary(
            services: snapshot.services.count, installed: snapshot.services.filter(\.isInstalled).count,
            running: counts.running + counts.starting + counts.unhealthy, healthy: snapshot.services.filter { $0.health == .healthy }.count,
            unhealthy: counts.unhealthy, failed: counts.failed, notInstalled: counts.notInstalled, other: snapshot.others.count)
        services = snapshot.services.map { Service($0, at: snapshot.takenAt) }
        other = snapshot.others.map(Container.init)
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func iso(_ date: Date?) -> String? {
        date.map { ISO8601DateFormatter().string(from: $0) }
    }

    struct CatalogRef: Encodable { let name: String; let source: String }

    struct Engine: Encodable {
        let endpoint: String
        let reachable: Bool
        let version: String?
        let apiVersion: String?
        let error: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(endpoint, forKey: .endpoint)
            try c.encode(reachable, forKey: .reachable)
            try c.encode(version, forKey: .version)
            try c.encode(apiVersion, forKey: .apiVersion)
            try c.encode(error, forKey: .error)
        }
        enum Keys: String, CodingKey { case endpoint, reachable, version, apiVersion, error }
    }

    struct Summary: Encodable {
        let services, installed, running, healthy, unhealthy, failed, notInstalled, other: Int
    }

    struct Port: Encodable {
        let host: Int
        let container: Int
        let `protocol`: String
        let hostIp: String

        init(_ port: PublishedPort) {
            host = port.host
            container = port.container
            self.protocol = port.proto
            hostIp = port.hostIP
        }
    }

    struct Service: Encodable {
        let name, title, layer: String
        let phase: Int?
        let state: ServiceState
        let health: HealthState
        let installed: Bool
        let startedAt: String?
        let uptimeSeconds: Int?
        let dependencies: [String]
        let ports: [Port]
        let containers: [Container]
        let missingComponents: [String]
        let lastCheck: Check?

        init(_ status: ServiceStatus, at now: Date) {
            name = status.service.name
            title = status.service.title
            layer = status.service.layer?.rawValue ?? Layer.unassignedID
            phase = status.service.phase
            state = status.state
            health = status.health
            installed = status.isInstalled
            startedAt = StatusReport.iso(status.startedAt)
            uptimeSeconds = status.startedAt.map { max(0, Int(now.timeIntervalSince($0))) }
            dependencies = status.service.dependencies
            ports = status.ports.map(Port.init)
            containers = status.containers.map(Container.init)
            missingComponents = status.missingComponents
            lastCheck = status.failingCheck.map { Check(container: $0.container, exitCode: $0.run.exitCode, output: $0.run.output) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(title, forKey: .title)
            try c.encode(layer, forKey: .layer)
            try c.encode(phase, forKey: .phase)
            try c.encode(state, forKey: .state)
            try c.encode(health, forKey: .health)
            try c.encode(installed, forKey: .installed)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(uptimeSeconds, forKey: .uptimeSeconds)
            try c.encode(dependencies, forKey: .dependencies)
            try c.encode(ports, forKey: .ports)
            try c.encode(containers, forKey: .containers)
            try c.encode(missingComponents, forKey: .missingComponents)
            try c.encode(lastCheck, forKey: .lastCheck)
        }
        enum Keys: String, CodingKey {
            case name, title, layer, phase, state, health, installed, startedAt, uptimeSeconds, dependencies, ports
            case containers, missingComponents, lastCheck
        }
    }

    struct Check: Encodable { let container: String; let exitCode: Int; let output: String }

    struct Container: Encodable {
        let id, name, image, status: String
        let component: String?
        let state: ServiceState
        let health: HealthState
        let startedAt: String?
        let exitCode: Int?
        let ports: [Port]

        init(_ container: ContainerStatus) {
            id = container.id
            name = container.name
            image = container.image
            status = container.statusText
            component = container.component
            state = container.state
            health = container.health
            startedAt = StatusReport.iso(container.startedAt)
            exitCode = container.exitCode
            ports = container.ports.map(Port.init)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(component, forKey: .component)
            try c.encode(image, forKey: .image)
            try c.encode(state, forKey: .state)
            try c.encode(health, forKey: .health)
            try c.encode(status, forKey: .status)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(exitCode, forKey: .exitCode)
            try c.encode(ports, forKey: .ports)
        }
        enum Keys: String, CodingKey { case id, name, component, image, state, health, status, startedAt, exitCode, ports }
    }
}
