#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabControl

/// A roadmap item's state word in `ailab roadmap --json`, read off the service's condition (a
/// coarser view of it, kept for scripts that read it). Raw values are the JSON contract.
public enum ItemState: String, Sendable, Codable {
    case notInstalled = "not-installed", installing, running, healthy, unhealthy, stopped, unknown

    public init(_ status: ServiceStatus) { self.init(status.condition.condition) }

    public init(_ condition: Condition) {
        switch condition {
        case .notInstalled: self = .notInstalled
        case .unknown: self = .unknown
        case .healthy, .running: self = .healthy
        case .starting: self = .running
        case .unhealthy, .crashed, .restarting: self = .unhealthy
        case .stopped, .completed, .paused: self = .stopped
        }
    }
}

public enum MetricKind: String, Sendable, Codable { case auto, manual }

/// The roadmap told by the engine and the state file: every phase's items and progress, every
/// success metric met or not and why, and the next step of the learning path.
public struct RoadmapStatus: Sendable {
    public struct Item: Sendable, Equatable {
        public var service: String
        public var title: String
        public var state: ItemState
        /// The service's condition, as every other surface shows it.
        public var condition: ConditionReport
        public var effort: String
        public var dependencies: [String]
        public var firstHealthy: Date?
    }

    public struct PhaseStatus: Sendable {
        public var phase: Phase
        public var items: [Item]
        public var done: Int
        public var total: Int
    }

    public struct MetricStatus: Sendable, Equatable {
        public var id: String
        public var group: String
        public var groupTitle: String
        public var text: String
        public var kind: MetricKind
        public var met: Bool
        public var detail: String
        /// When an automatic check last ran, or when a person marked it.
        public var at: Date?
    }

    public var phases: [PhaseStatus]
    public var metrics: [MetricStatus]
    public var next: LearningStep?
    public var learningPath: [(step: LearningStep, done: Bool)]
    public var priorities: [Priority: [String]]

    public init(snapshot: LabSnapshot, state: LabState) {
        let roadmap = snapshot.catalog.roadmap
        func item(_ entry: RoadmapItem) -> Item {
            let status = snapshot.status(of: entry.service)
            let condition = status?.condition ?? ConditionReport(.unknown)
            return Item(
                service: entry.service, title: status?.service.title ?? entry.service, state: ItemState(condition.condition), condition: condition,
                effort: entry.effort, dependencies: entry.dependencies, firstHealthy: state.firstHealthy[entry.service])
        }
        phases = roadmap.phases.map { phase in
            let (done, total) = snapshot.progress(of: phase)
            return PhaseStatus(phase: phase, items: phase.items.map(item), done: done, total: total)
        }
        metrics = roadmap.metricGroups.flatMap { group in
            group.metrics.map { metric in
                if metric.check != nil {
                    let record = state.checks[metric.id]
                    return MetricStatus(id: metric.id, group: group.id, groupTitle: group.title, text: metric.text, kind: .auto,
                                        met: record?.met ?? false, detail: record?.detail ?? "not checked yet: ailab check", at: record?.ranAt)
                }
                let mark = state.marks[metric.id]
                return MetricStatus(id: metric.id, group: group.id, groupTitle: group.title, text: metric.text, kind: .manual, met: mark != nil,
                                    detail: mark.map { "marked by \($0.by)" } ?? "mark it when true: ailab mark \(metric.id)", at: mark?.markedAt)
            }
        }
        learningPath = roadmap.learningPath.map { step in
            (step, snapshot.status(of: step.service)?.condition.condition.isUp ?? false)
        }
        next = learningPath.first { !$0.done }?.step
        priorities = roadmap.priorities
    }

    /// The metric groups that cover any of `phases` (all groups when nil).
    public static func groups(of catalog: Catalog, phases: Set<Int>?) -> Set<String> {
        Set(catalog.roadmap.metricGroups.filter { phases == nil || !Set($0.phases).isDisjoint(with: phases!) }.map(\.id))
    }
}
