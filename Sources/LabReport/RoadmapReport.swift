#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabRoadmap

/// `ailab roadmap --json` and `ailab check --json`: a stable schema (README, "Roadmap JSON").
public struct RoadmapReport: JSONReport, Sendable {
    let schemaVersion = 1
    let engine: Engine
    let phases: [PhaseOut]
    let metrics: [MetricOut]
    let priorities: [String: [String]]
    let learningPath: [StepOut]
    @Nullable var next: StepOut?

    public init(_ status: RoadmapStatus, engine info: EngineInfo) {
        engine = Engine(endpoint: info.endpoint, reachable: info.reachable, error: info.error)
        phases = status.phases.map { phase in
            PhaseOut(
                number: phase.phase.number, title: phase.phase.title, goal: phase.phase.goal, weeks: phase.phase.weeks,
                items: phase.items.map {
                    ItemOut(service: $0.service, state: $0.state, condition: $0.condition.condition, effort: $0.effort, dependencies: $0.dependencies, firstHealthy: StatusReport.iso($0.firstHealthy))
                },
                progress: Progress(done: phase.done, total: phase.total))
        }
        metrics = status.metrics.map {
            MetricOut(id: $0.id, group: $0.group, text: $0.text, kind: $0.kind, met: $0.met, detail: $0.detail, at: StatusReport.iso($0.at))
        }
        priorities = Dictionary(uniqueKeysWithValues: status.priorities.map { ($0.key.rawValue, $0.value) })
        learningPath = status.learningPath.map { StepOut(service: $0.step.service, text: $0.step.text, done: $0.done) }
        next = status.next.map { StepOut(service: $0.service, text: $0.text, done: false) }
    }

    struct Engine: Encodable {
        let endpoint: String
        let reachable: Bool
        @Nullable var error: String?
    }

    struct Progress: Encodable { let done: Int; let total: Int }

    struct PhaseOut: Encodable {
        let number: Int
        let title, goal, weeks: String
        let items: [ItemOut]
        let progress: Progress
    }

    struct ItemOut: Encodable {
        let service: String
        let state: ItemState
        let condition: Condition
        let effort: String
        let dependencies: [String]
        @Nullable var firstHealthy: String?
    }

    struct MetricOut: Encodable {
        let id, group, text: String
        let kind: MetricKind
        let met: Bool
        let detail: String
        @Nullable var at: String?
    }

    struct StepOut: Encodable { let service, text: String; let done: Bool }
}
