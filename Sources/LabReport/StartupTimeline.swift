#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// The lab's latest start-up (an install, a phase started, an engine restart): for each service
/// that came up in it, when its containers were created, started and became healthy, grouped
/// by layer, with the slowest named. Derived from the snapshot alone (inspect's Created and
/// State.StartedAt, and the condition model's `since` for health), so it is the same in the
/// console and in `ailab status --json`.
public struct StartupTimeline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var service: String
        public var layer: Layer?
        /// The earliest of its containers' creation times.
        public var created: Date?
        /// When its last container started: the service is started once all of it is.
        public var started: Date
        /// When its last container became healthy (or started, for one with no healthcheck);
        /// nil while not all of it is up. The engine keeps only the last five health checks,
        /// so for a service healthy longer than that this is when the oldest kept check ran.
        public var healthy: Date?
        public var condition: Condition

        /// Created (or started, when the creation time is unknown) to healthy, else to started.
        public var seconds: TimeInterval { (healthy ?? started).timeIntervalSince(created ?? started) }
    }

    /// One layer's services (nil: services of no layer), in catalog order.
    public struct Group: Sendable, Equatable {
        public var layer: Layer?
        public var entries: [Entry]
    }

    /// Layers top to bottom, only those with a service in the start-up.
    public var layers: [Group]
    /// The one that took longest from created to healthy (or started).
    public var slowest: Entry?
    /// When the start-up began: its first creation or start.
    public var began: Date?

    /// Starts further apart than this belong to different start-ups (a pull of a large image
    /// between two services of one install stays well within it).
    public static let gap: TimeInterval = 300

    public init(_ snapshot: LabSnapshot) {
        let entries = snapshot.services.compactMap(Self.entry)
        // The latest start-up: back from the newest start while starts are less than `gap` apart.
        let starts = entries.map(\.started).sorted(by: >)
        var cutoff = starts.first ?? .distantPast
        for start in starts.dropFirst() where cutoff.timeIntervalSince(start) <= Self.gap { cutoff = start }
        let wave = entries.filter { $0.started >= cutoff }
        layers = snapshot.byLayer.compactMap { group in
            let members = wave.filter { entry in group.services.contains { $0.service.name == entry.service } }
            return members.isEmpty ? nil : Group(layer: group.layer, entries: members)
        }
        slowest = wave.max { $0.seconds < $1.seconds }
        began = wave.map { $0.created ?? $0.started }.min()
    }

    /// A service's times; nil unless its containers run (a one-shot job that completed aside):
    /// a stopped or crashed service is not part of a start-up.
    static func entry(_ status: ServiceStatus) -> Entry? {
        let running = status.containers.filter { $0.state == .running }
        guard !running.isEmpty, status.containers.allSatisfy({ $0.state == .running || $0.condition.condition == .completed }),
            let started = running.compactMap(\.startedAt).max()
        else { return nil }
        let upTimes = running.map { container -> Date? in
            switch container.condition.condition {
            case .healthy: return container.condition.since
            case .running: return container.startedAt  // no healthcheck: up once started
            default: return nil
            }
        }
        let healthy = upTimes.contains(nil) ? nil : upTimes.compactMap { $0 }.max()
        return Entry(
            service: status.service.name, layer: status.service.layer, created: running.compactMap(\.createdAt).min(), started: started,
            healthy: healthy.map { max($0, started) }, condition: status.condition.condition)
    }
}
