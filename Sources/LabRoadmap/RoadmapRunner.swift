#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabControl

/// Runs the automatic checks and keeps the state file: results, first-healthy times, marks.
public struct RoadmapRunner: Sendable {
    public let store: StateStore
    public var timeout: Duration = .seconds(2)

    public init(store: StateStore) { self.store = store }

    /// Runs the checks of `groups` (every group when nil) against the lab, records the results
    /// and which services are healthy for the first time, and returns the roadmap as it now stands.
    public func refresh(
        _ snapshot: LabSnapshot, groups: Set<String>? = nil, runChecks: Bool = true, warning: (String) -> Void = { _ in }
    ) async throws(StateError) -> (status: RoadmapStatus, state: LabState) {
        var configured = MetricChecker(snapshot: snapshot)
        configured.timeout = timeout
        // Credentials come from the lab's secret store (or, for one only you can give, the environment).
        let secrets = SecretStore(stateDirectory: store.directory)
        configured.secrets = { secrets.value($0) ?? ProcessInfo.processInfo.environment[$0] }
        let checker = configured
        let wanted = snapshot.catalog.roadmap.metricGroups.filter { groups?.contains($0.id) ?? true }.flatMap(\.metrics)
            .compactMap { metric in metric.check.map { (metric.id, $0) } }
        typealias Run = (id: String, met: Bool, detail: String, at: Date)
        let results: [Run] = !runChecks || !snapshot.engine.reachable ? [] : await withTaskGroup(of: Run.self) { group in
            for (id, check) in wanted {
                group.addTask {
                    let (met, detail) = await checker.run(check)
                    return (id, met, detail, Date())
                }
            }
            var all: [Run] = []
            for await run in group { all.append(run) }
            return all
        }
        let state = try store.update(warning: warning) { state in
            for run in results { state.record(run.id, met: run.met, detail: run.detail, at: run.at) }
            Self.noteHealthy(snapshot, in: &state)
        }
        return (RoadmapStatus(snapshot: snapshot, state: state), state)
    }

    /// Services healthy now and never before get today's date in the timeline.
    public static func noteHealthy(_ snapshot: LabSnapshot, in state: inout LabState, now: Date = Date()) {
        guard snapshot.engine.reachable else { return }
        for status in snapshot.services where status.condition.condition.isUp && state.firstHealthy[status.service.name] == nil {
            state.firstHealthy[status.service.name] = now
        }
    }

    /// Marks (or unmarks) a manual metric. Automatic ones and unknown ids are refused, saying why.
    public func mark(_ id: String, met: Bool, catalog: Catalog, by person: String, warning: (String) -> Void = { _ in }) throws(StateError) -> LabState {
        let metrics = catalog.roadmap.metrics
        guard let metric = metrics.first(where: { $0.id == id }) else {
            let manual = metrics.filter { $0.check == nil }.map(\.id)
            throw StateError(description: "no metric '\(id)'; manual metrics: \(manual.joined(separator: ", "))")
        }
        guard metric.check == nil else {
            throw StateError(description: "'\(id)' is checked automatically (ailab check); only manual metrics are marked")
        }
        return try store.update(warning: warning) { state in
            if met {
                state.mark(id, by: person)
            } else {
                state.marks[id] = nil
            }
        }
    }
}
