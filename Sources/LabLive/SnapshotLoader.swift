import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabProbes

/// Reads the engine once: every container, inspected where it is the lab's, joined to the catalog.
public struct SnapshotLoader: Sendable {
    public let client: DockerClient
    public let catalog: Catalog

    public init(client: DockerClient, catalog: Catalog) {
        self.client = client
        self.catalog = catalog
    }

    /// Never throws: an engine that cannot be reached is a snapshot that says so. Services
    /// with a probe are probed once, side by side, so their condition is the probe's word.
    public func load(probing: Bool = true) async -> LabSnapshot {
        do {
            async let version = client.version()
            async let swarm = try? swarmState()
            let containers = try await containerStatuses()
            let engine = try await version
            let snapshot = LabSnapshot(
                catalog: catalog,
                engine: EngineInfo(endpoint: client.endpoint.description, reachable: true, version: engine.version, apiVersion: engine.apiVersion),
                containers: containers, swarm: await swarm ?? nil)
            guard probing, !ServiceProber.probeable(snapshot).isEmpty else { return snapshot }
            return snapshot.with(probes: await ServiceProber(endpoint: client.endpoint).probeAll(snapshot))
        } catch {
            return LabSnapshot(catalog: catalog, engine: .unreachable(client.endpoint, error), containers: [])
        }
    }

    /// The lab as it is now, for actions: unlike `load`, an unreachable engine throws.
    public func current() async throws -> LabSnapshot {
        let engine = EngineInfo(endpoint: client.endpoint.description, reachable: true)
        // The Swarm too: an action must not take a Swarm service for one not installed.
        async let swarm = swarmState()
        return LabSnapshot(catalog: catalog, engine: engine, containers: try await containerStatuses(), swarm: try await swarm)
    }

    /// All containers, with inspect details for the lab's own (uptime, exit code, last health check).
    /// `listed` sees what the list alone says (state, health from its status words, ports) one
    /// round of inspects before the full answer, so a first frame need not wait for them.
    public func containerStatuses(listed: @Sendable ([ContainerStatus]) -> Void = { _ in }) async throws -> [ContainerStatus] {
        let summaries = try await client.listContainers(all: true)
        let statuses = summaries.map(ContainerStatus.init(summary:))
        listed(statuses)
        let assignment = ServiceMapper(catalog: catalog).assign(statuses)
        return try await withThrowingTaskGroup(of: ContainerStatus.self) { group in
            for status in statuses {
                group.addTask {
                    guard assignment[status.id] ?? nil != nil else { return status }
                    return try await inspected(status)
                }
            }
            var result: [ContainerStatus] = []
            for try await status in group { result.append(status) }
            return await noteRequestedStops(result).sorted { $0.name < $1.name }
        }
    }

    /// Marks exited containers whose exit someone asked for: a `kill` or `stop` event between
    /// their start and their exit in the engine's event history. One request for all of them;
    /// an engine that cannot answer in time leaves them to `ConditionJudge`'s fallback rule.
    func noteRequestedStops(_ statuses: [ContainerStatus]) async -> [ContainerStatus] {
        let exited = statuses.filter { ($0.state == .exited || $0.state == .dead) && $0.inspected && $0.finishedAt != nil }
        guard let earliest = exited.compactMap({ $0.startedAt ?? $0.createdAt }).min() else { return statuses }
        let query = EventQuery(
            actions: ["kill", "stop"], since: String(Int(earliest.timeIntervalSince1970.rounded(.down))),
            until: String(Int(Date().timeIntervalSince1970.rounded(.up)) + 1), containers: exited.map(\.id))
        let client = client
        let history = await withTaskGroup(of: [EngineEvent]?.self) { group in
            group.addTask { try? await client.eventHistory(query) }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let history else { return statuses }
        return statuses.map { status in
            var status = status
            status.stopRequested = status.stopRequested || Self.stopWasAsked(for: status, in: history)
            return status
        }
    }

    static func stopWasAsked(for status: ContainerStatus, in history: [EngineEvent]) -> Bool {
        guard let finished = status.finishedAt, status.state == .exited || status.state == .dead else { return false }
        let from = (status.startedAt ?? status.createdAt ?? .distantPast).timeIntervalSince1970
        let to = finished.timeIntervalSince1970 + 1
        return history.contains { event in
            let at = Double(event.timeNano) / 1e9
            return event.actorID == status.id && (event.action == "kill" || event.action == "stop") && at >= from - 1 && at <= to
        }
    }

    /// One container's fresh status, or nil when it is gone.
    public func containerStatus(id: String) async throws -> ContainerStatus? {
        // List and inspect at once: a change reaches the screen one round trip sooner.
        async let listed = client.listContainers(all: true, filters: ["id": [id]])
        async let details = client.inspectContainer(id)
        guard let summary = try await listed.first else { return nil }
        var status = ContainerStatus(summary: summary)
        do {
            status.merge(try await details)
        } catch DockerError.notFound {
            return nil
        } catch DockerError.badResponse(_, let detail) {
            status.health = .unknown
            status.statusText = "unreadable inspect: \(detail)"
            status.problem = "the engine's inspect: \(detail)"
        }
        return status
    }

    private func inspected(_ status: ContainerStatus) async throws -> ContainerStatus {
        var status = status
        do {
            status.merge(try await client.inspectContainer(status.id))
        } catch DockerError.notFound {
            // Removed between list and inspect: keep what the list said.
        } catch DockerError.badResponse(_, let detail) {
            // An unreadable inspect spoils this row only (issue 11, item 4): the list's facts
            // stay, health is not vouched for, and the row says what was wrong.
            status.health = .unknown
            status.statusText = "unreadable inspect: \(detail)"
            status.problem = "the engine's inspect: \(detail)"
        }
        return status
    }
}
