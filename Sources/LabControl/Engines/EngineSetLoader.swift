import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabProbes
import LabLive

/// Reads several engines at once into one lab (`LabSnapshot+Engines`): each engine with its own
/// client, time limits and failure, so one that does not answer costs only its own services.
public struct EngineSetLoader: Sendable {
    public struct Engine: Sendable {
        public let name: String
        public let client: DockerClient

        public init(name: String, client: DockerClient) {
            self.name = name
            self.client = client
        }
    }

    public let engines: [Engine]
    public let catalog: Catalog

    public init(engines: [Engine], catalog: Catalog) {
        self.engines = engines
        self.catalog = catalog
    }

    /// Never throws: an engine that cannot be reached is an `EngineInfo` that says so. Probes go
    /// to each service's own engine's host address.
    public func load(probing: Bool = true, lastSeen: [String: String] = [:]) async -> LabSnapshot {
        let answers = await withTaskGroup(of: (Int, EngineInfo, [ContainerStatus], SwarmState?).self) { group in
            for (index, engine) in engines.enumerated() {
                group.addTask {
                    async let swarm = try? SnapshotLoader(client: engine.client, catalog: catalog).swarmState()
                    let (info, containers) = await Self.read(engine, catalog: catalog)
                    return (index, info, containers, await swarm ?? nil)
                }
            }
            var answers: [(Int, EngineInfo, [ContainerStatus], SwarmState?)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }
        }
        let swarm = SwarmState.chosen(from: answers.map { (engine: engines[$0.0].name, swarm: $0.3) })
        let snapshot = LabSnapshot(
            catalog: catalog, engines: answers.map(\.1), containers: answers.flatMap(\.2), lastSeen: lastSeen, swarm: swarm)
        guard probing, !ServiceProber.probeable(snapshot).isEmpty else { return snapshot }
        return snapshot.with(probes: await probe(snapshot))
    }

    /// One engine's version and containers, each container tagged with the engine's name.
    static func read(_ engine: Engine, catalog: Catalog) async -> (EngineInfo, [ContainerStatus]) {
        let client = engine.client
        do {
            async let version = client.version()
            let containers = try await SnapshotLoader(client: client, catalog: catalog).containerStatuses()
            let about = try await version
            var info = EngineInfo(endpoint: client.endpoint.description, reachable: true, version: about.version, apiVersion: about.apiVersion)
            info.name = engine.name
            return (info, containers.map { container in
                var container = container
                container.engine = engine.name
                return container
            })
        } catch {
            var info = EngineInfo.unreachable(client.endpoint, error)
            info.name = engine.name
            return (info, [])
        }
    }

    /// Each probeable service probed on its engine's host (`ServiceProber`), side by side.
    func probe(_ snapshot: LabSnapshot) async -> [String: ProbeResult] {
        let probers = Dictionary(engines.map { ($0.name, ServiceProber(endpoint: $0.client.endpoint)) }, uniquingKeysWith: { first, _ in first })
        return await withTaskGroup(of: (String, ProbeResult?).self) { group in
            for status in ServiceProber.probeable(snapshot) {
                guard let prober = status.engine.flatMap({ probers[$0] }), snapshot.isReachable(engine: status.engine) else { continue }
                group.addTask { (status.service.name, await prober.probe(status, previous: nil)) }
            }
            var results: [String: ProbeResult] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
    }
}
