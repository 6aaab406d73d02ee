#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// `timeline` of `ailab status --json`: the latest start-up (`StartupTimeline`), null when no
/// service runs. Times are ISO 8601; seconds are from the service's first container's creation.
struct TimelineReport: Encodable, Sendable {
    let began: String
    let layers: [Layer]
    @Nullable var slowest: Step?

    struct Layer: Encodable, Sendable {
        let layer: String
        let services: [Step]
    }

    struct Step: Encodable, Sendable {
        let service: String
        let condition: Condition
        @Nullable var created: String?
        let started: String
        @Nullable var healthy: String?
        /// Created to started, and created to healthy (null while not healthy).
        let toStartedSeconds: Double
        @Nullable var toHealthySeconds: Double?

        init(_ entry: StartupTimeline.Entry) {
            service = entry.service
            condition = entry.condition
            created = StatusReport.iso(entry.created)
            started = StatusReport.iso(entry.started)!
            healthy = StatusReport.iso(entry.healthy)
            let origin = entry.created ?? entry.started
            toStartedSeconds = Self.rounded(entry.started.timeIntervalSince(origin))
            toHealthySeconds = entry.healthy.map { Self.rounded($0.timeIntervalSince(origin)) }
        }

        /// Tenths of a second: the engine's times are finer than anyone reads them.
        static func rounded(_ seconds: TimeInterval) -> Double { (seconds * 10).rounded() / 10 }
    }

    /// nil when the lab has no start-up to show.
    init?(_ timeline: StartupTimeline) {
        guard let began = timeline.began else { return nil }
        self.began = StatusReport.iso(began)!
        layers = timeline.layers.map { Layer(layer: $0.layer?.rawValue ?? LabCatalog.Layer.unassignedID, services: $0.entries.map(Step.init)) }
        slowest = timeline.slowest.map(Step.init)
    }
}
