import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabLive
import LabModel

/// Several engines' live labs as one: each engine keeps its own `LiveLab` (its own event stream,
/// reconnects and timeouts); this only merges their latest snapshots (`LabSnapshot+Engines`), so
/// an engine that goes down takes only its own services to unknown.
public final class LabSet: Sendable {
    public let catalog: Catalog
    public let engines: [EngineSetLoader.Engine]
    private let merger: Merger

    /// `lastSeen`: where services were seen before (`LastSeenFile`).
    public init(engines: [EngineSetLoader.Engine], catalog: Catalog, lastSeen: [String: String] = [:]) {
        self.engines = engines
        self.catalog = catalog
        merger = Merger(catalog: catalog, names: engines.map(\.name), endpoints: engines.map(\.client.endpoint), lastSeen: lastSeen)
    }

    /// Every engine's updates as one stream: each snapshot merged with the others' latest.
    public func updates() -> AsyncStream<LabUpdate> {
        let (stream, continuation) = AsyncStream<LabUpdate>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let merger = merger
        let tasks = engines.enumerated().map { index, engine in
            let feed = LiveLab(client: engine.client, catalog: catalog).updates()
            return Task.detached {
                for await update in feed {
                    switch update {
                    case .snapshot(let snapshot): continuation.yield(.snapshot(await merger.merge(snapshot, from: index)))
                    case .event(var event):
                        event.engine = engine.name  // the Events screen says whose it is
                        continuation.yield(.event(event))
                    }
                }
            }
        }
        continuation.onTermination = { _ in tasks.forEach { $0.cancel() } }
        return stream
    }

    /// The latest snapshot of each engine, and where each service was last seen.
    actor Merger {
        let catalog: Catalog
        let names: [String]
        var latest: [LabSnapshot?]
        var lastSeen: [String: String] = [:]
        let endpoints: [DockerEndpoint]

        init(catalog: Catalog, names: [String], endpoints: [DockerEndpoint], lastSeen: [String: String] = [:]) {
            self.catalog = catalog
            self.lastSeen = lastSeen
            self.names = names
            self.endpoints = endpoints
            latest = Array(repeating: nil, count: names.count)
        }

        func merge(_ snapshot: LabSnapshot, from index: Int) -> LabSnapshot {
            latest[index] = snapshot
            var infos: [EngineInfo] = []
            var containers: [ContainerStatus] = []
            var probes: [String: ProbeResult] = [:]
            for (position, name) in names.enumerated() {
                var info = latest[position]?.engine ?? .connecting(endpoints[position])
                info.name = name
                infos.append(info)
                guard let each = latest[position], info.reachable else { continue }
                containers += each.allContainers.map { container in
                    var container = container
                    container.engine = name
                    return container
                }
                for status in each.services where status.isInstalled { probes[status.service.name] = each.probes[status.service.name] }
            }
            // Each engine's Swarm as last read, reachable or not (`SwarmState.chosen`).
            let swarm = SwarmState.chosen(from: names.indices.map { (engine: names[$0], swarm: latest[$0]?.swarm) })
            let merged = LabSnapshot(
                catalog: catalog, engines: infos, containers: containers, lastSeen: lastSeen, probes: probes, takenAt: snapshot.takenAt, swarm: swarm)
            lastSeen = merged.lastSeen
            return merged
        }
    }
}
