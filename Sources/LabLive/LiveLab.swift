import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabProbes

/// What the live lab reports to its consumer (the console).
public enum LabUpdate: Sendable {
    case snapshot(LabSnapshot)
    /// An engine event about a container, already free of health-check exec noise.
    case event(LabEvent)
}

/// Keeps a live snapshot of the lab from the engine's events stream, not by polling.
/// A full resync happens only on (re)connect; each event refreshes the one container it names.
public actor LiveLab {
    public let catalog: Catalog
    let client: DockerClient
    let loader: SnapshotLoader
    var containers: [String: ContainerStatus] = [:]
    private var engine: EngineInfo
    /// Set once a resync has read the containers: a quick look must not overwrite them.
    private var resynced = false
    /// The latest probe result of each running service with an `x-ailab.probe`.
    private var probes: [String: ProbeResult] = [:]
    /// When the last resync began, and for which engine: an overflow before it is covered.
    private var lastResync = Date.distantPast
    private var lastVersion: EngineVersion?
    /// The Swarm as last read (see `swarmLoop`); nil outside a Swarm.
    var swarm: SwarmState?
    /// Rung by Swarm events, so the Swarm is read when it changes rather than on a clock.
    let swarmBell = Doorbell()
    /// How long the Swarm goes unread without an event (`swarmLoop` says why it is read at all).
    let swarmSafetyInterval: Duration
    /// The engine's version and container list asked for at start-up, while the catalog and
    /// the terminal were set up: the first look uses them instead of asking again.
    private let firstLook: Task<FirstLook, any Error>?
    public typealias FirstLook = (version: EngineVersion, containers: [ContainerSummary])

    public init(client: DockerClient, catalog: Catalog, firstLook: Task<FirstLook, any Error>? = nil, swarmSafetyInterval: Duration = .seconds(30)) {
        self.client = client
        self.catalog = catalog
        self.firstLook = firstLook
        self.swarmSafetyInterval = swarmSafetyInterval
        self.loader = SnapshotLoader(client: client, catalog: catalog)
        self.engine = .connecting(client.endpoint)
    }

    /// The current snapshot.
    public var snapshot: LabSnapshot {
        LabSnapshot(catalog: catalog, engine: engine, containers: Array(containers.values), probes: engine.reachable ? probes : [:], swarm: swarm)
    }

    /// Runs until the returned stream's consumer stops, yielding a snapshot after every change.
    public nonisolated func updates(follower: EventFollower? = nil) -> AsyncStream<LabUpdate> {
        let (stream, continuation) = AsyncStream<LabUpdate>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let feed = (follower ?? EventFollower(client: client, query: Self.eventQuery)).feed()
        // A first look at the lab while the event stream is being set up: two round trips
        // (version and list, side by side) instead of four before the first real frame.
        let look = Task.detached {
            if let first = await self.quickLook() { continuation.yield(first) }
        }
        let task = Task.detached {
            // What came while the last batch was folded, as one (`LiveLab+Batch`).
            for await batch in FeedBatches(feed: feed) { await self.take(batch, yield: { continuation.yield($0) }) }
            continuation.finish()
        }
        let probing = Task.detached { await self.probeLoop { continuation.yield($0) } }
        let swarming = Task.detached { await self.swarmLoop { continuation.yield($0) } }
        continuation.onTermination = { _ in
            swarming.cancel()
            task.cancel()
            look.cancel()
            probing.cancel()
        }
        return stream
    }

    /// Probes each running service with an `x-ailab.probe` every `interval` (its own), and
    /// tells the consumer only when a result changes what is shown. Off the UI thread; the
    /// sockets are DockerClient's.
    func probeLoop(_ yield: @Sendable (LabUpdate) -> Void) async {
        let prober = ServiceProber(endpoint: client.endpoint)
        var due: [String: ContinuousClock.Instant] = [:]
        let clock = ContinuousClock()
        // The first round waits for the lab's first read (tens of ms), not for the 10 s wake
        // below: otherwise the first results redraw an idle console seconds after it opened.
        for _ in 0..<100 where !Task.isCancelled && (!engine.reachable || containers.isEmpty) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        while !Task.isCancelled {
            let now = clock.now
            let probeable = ServiceProber.probeable(snapshot)
            // Due by the clock, or restarted since its last check (that result is about the run
            // before: probe it at this wake rather than up to `interval` later).
            let wanted = probeable.filter { status in
                let startedSince = probes[status.service.name].map { last in status.containers.contains { ($0.startedAt ?? .distantPast) > last.checkedAt } } ?? false
                return (due[status.service.name] ?? now) <= now || startedSince
            }
            var results: [String: ProbeResult] = [:]
            await withTaskGroup(of: (String, ProbeResult?).self) { group in
                for status in wanted {
                    let previous = probes[status.service.name]
                    group.addTask { (status.service.name, await prober.probe(status, previous: previous)) }
                }
                for await (name, result) in group { results[name] = result }
            }
            for status in wanted { due[status.service.name] = now + .seconds(status.service.probe?.interval ?? 30) }
            if let changed = record(results, keeping: Set(probeable.map(\.service.name))) { yield(.snapshot(changed)) }
            // Wake for the next due probe, or soon enough to notice a service that just started
            // (an idle console's wakes cost CPU: 10 s is the trade).
            let next = due.filter { name, _ in probeable.contains { $0.service.name == name } }.values.min() ?? now + .seconds(10)
            try? await Task.sleep(until: min(next, clock.now + .seconds(10)), clock: clock)
        }
    }

    /// Keeps new results (and forgets services no longer probed); the snapshot when it changed.
    private func record(_ results: [String: ProbeResult], keeping names: Set<String>) -> LabSnapshot? {
        var changed = probes.keys.contains { !names.contains($0) }
        probes = probes.filter { names.contains($0.key) }
        for (name, result) in results {
            if result.differs(from: probes[name]) { changed = true }
            probes[name] = result
        }
        return changed ? snapshot : nil
    }

    func quickLook() async -> LabUpdate? {
        async let look = firstListing()
        guard let (version, listed) = try? await look, !resynced else { return nil }
        engine = EngineInfo(endpoint: client.endpoint.description, reachable: true, version: version.version, apiVersion: version.apiVersion)
        containers = Dictionary(listed.map { ($0.id, ContainerStatus(summary: $0)) }, uniquingKeysWith: { $1 })
        return .snapshot(snapshot)
    }

    /// The start-up look when there is one, else a fresh one (version and list side by side).
    private func firstListing() async throws -> FirstLook {
        if let firstLook { return try await firstLook.value }
        return try await Self.look(client)
    }

    /// Version and list side by side: two round trips at once.
    public static func look(_ client: DockerClient) async throws -> FirstLook {
        async let version = client.version()
        async let listed = client.listContainers(all: true)
        return (try await version, try await listed)
    }

    /// Folds one item of the engine feed into the state; returns what to tell the consumer.
    /// `early` receives a snapshot from the container list alone while a resync's inspects run.
    func apply(_ item: EngineFeed, early: @Sendable (LabUpdate) -> Void = { _ in }) async -> [LabUpdate] {
        switch item {
        case .connected(let version):
            if resynced { swarmBell.ring() }  // a reconnect: what changed while the stream was away
            await resync(version, early: early)
            return [.snapshot(snapshot)]
        case .event(let event):
            if Self.touchesSwarm(event) { swarmBell.ring() }
            guard event.type == "container", !event.isExecNoise else { return [] }
            return await confirm([(event, told: containers[event.actorID] != nil)])
        case .disconnected(let error, let retryAt):
            engine = .unreachable(client.endpoint, error, nextRetry: retryAt)
            return [.snapshot(snapshot)]
        case .overflowed(let lostAt):
            // Events were dropped (a `destroy` among them would leave a ghost): read all again,
            // once per loss; a resync begun after it already saw what the lost events did.
            guard engine.reachable, lostAt >= lastResync, let version = lastVersion else { return [] }
            await resync(version, early: early)
            return [.snapshot(snapshot)]
        }
    }

    /// Reads every container afresh; retries with backoff while the engine fails it (events
    /// meanwhile wait in the feed's buffer), until it succeeds or the task is cancelled.
    private func resync(_ version: EngineVersion, early: @Sendable (LabUpdate) -> Void) async {
        var delay = Duration.milliseconds(250)
        (lastResync, lastVersion) = (Date(), version)
        let reachable = EngineInfo(endpoint: client.endpoint.description, reachable: true, version: version.version, apiVersion: version.apiVersion)
        while !Task.isCancelled {
            do {
                resynced = true
                let fresh = try await loader.containerStatuses { listed in
                    early(.snapshot(LabSnapshot(catalog: catalog, engine: reachable, containers: listed)))
                }
                containers = Dictionary(fresh.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
                engine = reachable
                return
            } catch {
                engine = .unreachable(client.endpoint, error, nextRetry: Date().addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18))
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
